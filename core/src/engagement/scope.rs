//! The levels of action (micro, meso, macro).

crate::bilingual_enum! {
    /// Where engagement acts. Ordered micro < meso < macro.
    pub enum Scope {
        /// Direct care (*soins directs*).
        Micro => "micro", "micro (direct care)", "micro (soins directs)",
        /// Organisation of services and establishments.
        Meso => "meso", "meso (organisation of services)", "méso (organisation des services)",
        /// Health policy and governance.
        Macro => "macro", "macro (policy and governance)", "macro (politiques de santé et gouvernance)",
    }
}
