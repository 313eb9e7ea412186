//! Deterministic synthetic interview logs for the benchmarks (never shipped in the library).
//!
//! Shared by the criterion bench (`core/benches/report.rs`, in memory) and the CSV generator
//! (`core/examples/gen_interviews.rs`, to `bench-data/`). Same [`Spec`] and seed: same log,
//! byte for byte, on every machine.
//!
//! The shape of the log:
//! - partners have a skewed load (Zipf-like weights, exponent 0.7, so the busiest partner
//!   holds about 2.5 % of the patients of a 5,000-partner log and the quietest a few hundred
//!   interviews over three years);
//! - every patient has a *home* partner drawn from that load, a *second* partner, and
//!   `1 + Geometric` interviews (mean `rows / patients`); each interview is held by the home
//!   partner (85 %), the second partner (12 %) or any partner at random (3 %): patients
//!   mostly stay with one partner;
//! - a patient's interviews follow each other by `1 + Exp(mean 20)` days, starting at a
//!   uniform day such that the whole follow-up fits in the period;
//! - modality: in person 55 %, phone 35 %, video 10 %;
//! - rows are sorted by date (as a real log is), ties in generation order.

#![allow(dead_code)] // each of the two users needs a part of it

use chrono::{Days, NaiveDate};
use std::io::{self, Write};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Interviews (rows) before repetition.
    pub rows: u64,
    /// Distinct partners that can appear (`PP-0001`…).
    pub partners: u32,
    /// Distinct patients (`PAT-0000001`…); every one gets at least one interview.
    pub patients: u32,
    /// First day of the log.
    pub start: NaiveDate,
    /// Days covered (the last day is `start + days - 1`).
    pub days: u32,
    /// Seed of the generator.
    pub seed: u64,
}

impl Spec {
    /// The log of the issue: 10 million interviews, 5,000 partners, 2 million patients,
    /// 2021-01-01 to 2023-12-31.
    pub fn full() -> Self {
        Spec {
            rows: 10_000_000,
            partners: 5_000,
            patients: 2_000_000,
            start: NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
            days: 1095,
            seed: 42,
        }
    }

    /// The same shape with `rows` interviews: 5 interviews per patient, the 5,000 partners
    /// and the three years of [`Spec::full`].
    pub fn scaled(rows: u64) -> Self {
        Spec {
            rows,
            patients: u32::try_from((rows / 5).max(1)).unwrap_or(u32::MAX),
            ..Spec::full()
        }
    }

    /// The last day of the log.
    pub fn end(&self) -> NaiveDate {
        self.start + Days::new(u64::from(self.days.max(1) - 1))
    }
}

/// One generated interview, compact (12 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Patient index, 0-based (`PAT-{index + 1:07}`).
    pub patient: u32,
    /// Partner index, 0-based (`PP-{index + 1:04}`).
    pub partner: u32,
    /// Day offset from [`Spec::start`].
    pub day: u16,
    /// 0 in person, 1 phone, 2 video.
    pub modality: u8,
}

/// SplitMix64: small, fast, good enough for synthetic data, and fully specified.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    /// Uniform in [0, n) (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// Generates the interviews of `spec`, sorted by day.
pub fn generate(spec: &Spec) -> Vec<Row> {
    assert!(spec.partners > 0 && spec.patients > 0 && spec.days > 0);
    assert!(spec.days <= u32::from(u16::MAX));
    assert!(
        spec.rows >= u64::from(spec.patients),
        "every patient needs an interview"
    );
    let mut rng = Rng::new(spec.seed);

    // Partner load: Zipf-like weights over ranks, ranks scattered over the ids.
    let k = spec.partners as usize;
    let mut cumulative = Vec::with_capacity(k);
    let mut acc = 0.0;
    for rank in 0..k {
        acc += 1.0 / ((rank + 1) as f64).powf(0.7);
        cumulative.push(acc);
    }
    let scatter = |rank: usize| -> u32 {
        // 7919 is prime, so coprime with any partner count it does not divide.
        let m = if k % 7919 == 0 { 1 } else { 7919 };
        ((rank * m) % k) as u32
    };
    let draw_partner = |rng: &mut Rng| -> u32 {
        let x = rng.unit() * acc;
        scatter(cumulative.partition_point(|&c| c <= x).min(k - 1))
    };

    // Interviews per patient: 1 + Geometric, then adjusted to exactly `rows`.
    let p = spec.patients as usize;
    let mean_extra = spec.rows as f64 / p as f64 - 1.0;
    let mut counts: Vec<u32> = (0..p)
        .map(|_| {
            if mean_extra <= 0.0 {
                return 1;
            }
            let q = 1.0 / (1.0 + mean_extra); // success probability
            let u = 1.0 - rng.unit(); // (0, 1]
            1 + (u.ln() / (1.0 - q).ln()).floor().min(10_000.0) as u32
        })
        .collect();
    let mut total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    while total > spec.rows {
        let i = rng.below(p as u64) as usize;
        if counts[i] > 1 {
            counts[i] -= 1;
            total -= 1;
        }
    }
    while total < spec.rows {
        let i = rng.below(p as u64) as usize;
        counts[i] += 1;
        total += 1;
    }

    let days = spec.days;
    let mut rows = Vec::with_capacity(spec.rows as usize);
    let mut gaps: Vec<f64> = Vec::new();
    for (patient, &n) in counts.iter().enumerate() {
        let home = draw_partner(&mut rng);
        let second = draw_partner(&mut rng);
        gaps.clear();
        let mut span = 0.0;
        for _ in 1..n {
            let g = 1.0 - 20.0 * (1.0 - rng.unit()).ln();
            span += g;
            gaps.push(g);
        }
        let room = f64::from(days - 1);
        let scale = if span > room { room / span } else { 1.0 };
        let first = (rng.unit() * (room - span * scale + 1.0)).floor().min(room);
        let mut t = first;
        for i in 0..n as usize {
            if i > 0 {
                t += gaps[i - 1] * scale;
            }
            let day = (t.floor() as u32).min(days - 1) as u16;
            let r = rng.unit();
            let partner = if r < 0.85 {
                home
            } else if r < 0.97 {
                second
            } else {
                rng.below(u64::from(spec.partners)) as u32
            };
            let m = rng.unit();
            let modality = if m < 0.55 {
                0
            } else if m < 0.90 {
                1
            } else {
                2
            };
            rows.push(Row {
                patient: patient as u32,
                partner,
                day,
                modality,
            });
        }
    }
    rows.sort_by_key(|r| r.day); // stable: ties stay in generation order
    rows
}

/// The wire name of a modality code.
pub fn modality_name(code: u8) -> &'static str {
    match code {
        0 => "in_person",
        1 => "phone",
        _ => "video",
    }
}

/// `PP-0001` for partner index 0.
pub fn partner_id(index: u32) -> String {
    format!("PP-{:04}", index + 1)
}

/// `PAT-0000001` for patient index 0.
pub fn patient_id(index: u32) -> String {
    format!("PAT-{:07}", index + 1)
}

/// Writes `rows` as a CSV log (`date,partner,patient,modality`), every row `repeat` times
/// in a row (a repeated log has the same distinct pairs with `repeat` times the rows).
pub fn write_csv<W: Write>(spec: &Spec, rows: &[Row], repeat: u32, out: W) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 20, out);
    let dates: Vec<String> = (0..spec.days)
        .map(|d| (spec.start + Days::new(u64::from(d))).to_string())
        .collect();
    let partners: Vec<String> = (0..spec.partners).map(partner_id).collect();
    out.write_all(b"date,partner,patient,modality\n")?;
    let mut line = Vec::with_capacity(64);
    for r in rows {
        line.clear();
        line.extend_from_slice(dates[usize::from(r.day)].as_bytes());
        line.push(b',');
        line.extend_from_slice(partners[r.partner as usize].as_bytes());
        line.extend_from_slice(b",PAT-");
        let mut digits = [b'0'; 7];
        let mut v = r.patient + 1;
        for slot in digits.iter_mut().rev() {
            *slot = b'0' + (v % 10) as u8;
            v /= 10;
        }
        if v > 0 {
            line.extend_from_slice(v.to_string().as_bytes());
        }
        line.extend_from_slice(&digits);
        line.push(b',');
        line.extend_from_slice(modality_name(r.modality).as_bytes());
        line.push(b'\n');
        for _ in 0..repeat.max(1) {
            out.write_all(&line)?;
        }
    }
    out.flush()
}
