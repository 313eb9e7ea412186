//! Long calls off the caller's thread: Kotlin `suspend` functions and Swift `async` ones.
//!
//! A report over many interviews takes from milliseconds to seconds; an app must not freeze
//! its UI thread for it. The `*_async` exports run the same function on a thread of their own
//! and complete a future when it is done: Kotlin's coroutine (or Swift's task) is suspended
//! meanwhile, not blocked. No async runtime is needed: the future below is woken by the worker
//! thread.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use crate::error::{guard, FfiResult, PatientPartnerError};

struct Slot<T> {
    result: Option<FfiResult<T>>,
    waker: Option<Waker>,
}

/// The result of work running on its own thread.
struct Background<T> {
    slot: Arc<Mutex<Slot<T>>>,
}

impl<T> Future for Background<T> {
    type Output = FfiResult<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        match slot.result.take() {
            Some(result) => Poll::Ready(result),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// Runs `work` (through the panic guard) on a new thread and waits for it without blocking
/// the caller.
pub(crate) async fn on_thread<T: Send + 'static>(
    work: impl FnOnce() -> FfiResult<T> + Send + 'static,
) -> FfiResult<T> {
    let slot = Arc::new(Mutex::new(Slot {
        result: None,
        waker: None,
    }));
    let worker = Arc::clone(&slot);
    let spawned = std::thread::Builder::new()
        .name("patient-partner".to_owned())
        .spawn(move || {
            let result = guard(work);
            let mut slot = worker.lock().unwrap_or_else(PoisonError::into_inner);
            slot.result = Some(result);
            if let Some(waker) = slot.waker.take() {
                waker.wake();
            }
        });
    if let Err(e) = spawned {
        return Err(PatientPartnerError::panic(format!(
            "could not start a thread for the call: {e}"
        )));
    }
    Background { slot }.await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: Future>(future: F) -> F::Output {
        struct Unpark(std::thread::Thread);
        impl std::task::Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
        let mut cx = Context::from_waker(&waker);
        let mut future = std::pin::pin!(future);
        loop {
            if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
                return v;
            }
            std::thread::park();
        }
    }

    #[test]
    fn the_work_runs_on_another_thread_and_its_result_comes_back() {
        let caller = std::thread::current().id();
        let (result, worker) = block_on(on_thread(|| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            Ok((42, std::thread::current().id()))
        }))
        .unwrap();
        assert_eq!(result, 42);
        assert_ne!(worker, caller);
    }

    #[test]
    fn a_panic_in_the_work_is_the_typed_internal_error() {
        let e = block_on(on_thread::<()>(|| panic!("deliberate"))).unwrap_err();
        assert_eq!(e.kind(), patient_partner::ErrorCode::Panic);
    }
}
