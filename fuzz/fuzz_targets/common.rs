//! What every fuzz target shares.

/// libfuzzer-sys aborts on every panic, even one the library catches and turns into a typed
/// error (it does so for calamine's): keep only its other net, which aborts when a panic
/// escapes the library.
pub fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
