//! The rule identifiers: stable strings that findings carry and users filter on.
//!
//! | rule id | default severity | finding when |
//! |---|---|---|
//! | `post.max_fte` | violation | the post's working time is above the role's `max_fte_permille` |
//! | `post.term_too_long` | violation | a term (initial contract or renewal) ends after the day before the anniversary of its start `contract_years` later (one finding per term) |
//! | `post.renewal_limit` | violation | a renewal beyond `renewals_allowed` (one finding per refused renewal: a second renewal when one is allowed) |
//! | `post.renewal_outside_window` | warning | a renewal decided before the window of the term it renews opens (`renewal_window_months` before its last day) or after that term ended |
//! | `post.training_missing` | violation (warning if training is only `recommended`) | no accepted training in the post's records |
//! | `post.training_after_start` | violation (warning if `recommended`) | the earliest accepted training was completed after the start; completing it on the start day is compliant |
//! | `mandate.appointing_authority` | violation | the representative was not appointed by the policy's `appointed_by` |
//! | `mandate.approved_association` | violation | an approved association is required and the representative is not a member of one |
//! | `mandate.term_too_long` | violation | the mandate ends after the day before the anniversary of its start `term_years` later |
//! | `mandate.patient_of_establishment` | violation | the policy excludes patients of the establishment and the representative is one |
//! | `mandate.basic_training_pending` | warning | no accepted basic training yet, and the deadline (`basic_training_within_months` after the start, included) has not passed on the evaluation date |
//! | `mandate.basic_training_overdue` | violation | no accepted basic training, and the deadline has passed on the evaluation date |
//! | `mandate.basic_training_late` | warning | the earliest accepted basic training was completed after the deadline |
//!
//! Training rules are not evaluated when the role's `training` is `not_required`. Findings
//! come in the order of this table.
//!
//! ```
//! use patient_partner::policy::rules;
//! assert!(rules::ALL.contains(&rules::POST_MAX_FTE));
//! assert_eq!(rules::POST_MAX_FTE, "post.max_fte");
//! ```

/// The working time is above the limit.
pub const POST_MAX_FTE: &str = "post.max_fte";
/// A term is longer than the contract length.
pub const POST_TERM_TOO_LONG: &str = "post.term_too_long";
/// A renewal beyond the number allowed.
pub const POST_RENEWAL_LIMIT: &str = "post.renewal_limit";
/// A renewal decided outside its window.
pub const POST_RENEWAL_OUTSIDE_WINDOW: &str = "post.renewal_outside_window";
/// No accepted training.
pub const POST_TRAINING_MISSING: &str = "post.training_missing";
/// The accepted training was completed after the start.
pub const POST_TRAINING_AFTER_START: &str = "post.training_after_start";
/// Not appointed by the right authority.
pub const MANDATE_APPOINTING_AUTHORITY: &str = "mandate.appointing_authority";
/// Not a member of an approved association.
pub const MANDATE_APPROVED_ASSOCIATION: &str = "mandate.approved_association";
/// The mandate is longer than allowed.
pub const MANDATE_TERM_TOO_LONG: &str = "mandate.term_too_long";
/// The representative is a patient of the establishment.
pub const MANDATE_PATIENT_OF_ESTABLISHMENT: &str = "mandate.patient_of_establishment";
/// The basic training is not done yet, and not yet due.
pub const MANDATE_BASIC_TRAINING_PENDING: &str = "mandate.basic_training_pending";
/// The basic training is not done and is overdue.
pub const MANDATE_BASIC_TRAINING_OVERDUE: &str = "mandate.basic_training_overdue";
/// The basic training was done after its deadline.
pub const MANDATE_BASIC_TRAINING_LATE: &str = "mandate.basic_training_late";

/// Every rule id, in table order.
pub const ALL: &[&str] = &[
    POST_MAX_FTE,
    POST_TERM_TOO_LONG,
    POST_RENEWAL_LIMIT,
    POST_RENEWAL_OUTSIDE_WINDOW,
    POST_TRAINING_MISSING,
    POST_TRAINING_AFTER_START,
    MANDATE_APPOINTING_AUTHORITY,
    MANDATE_APPROVED_ASSOCIATION,
    MANDATE_TERM_TOO_LONG,
    MANDATE_PATIENT_OF_ESTABLISHMENT,
    MANDATE_BASIC_TRAINING_PENDING,
    MANDATE_BASIC_TRAINING_OVERDUE,
    MANDATE_BASIC_TRAINING_LATE,
];
