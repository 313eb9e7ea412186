//! Errors of the policy module: invalid input (a post, a mandate, a policy, a checklist), as
//! opposed to [findings](super::Finding), which are what a valid input breaks.

use crate::located::{ErrorKind, Located};

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyErrorKind {
    /// A working time outside (0, 1], i.e. `fte_permille` not in 1..=1000.
    #[error("the working time must be in (0, 1]: {fte_permille}‰ given")]
    InvalidFte {
        /// The value given, in thousandths of a full-time post.
        fte_permille: i64,
    },
    /// A negative gross annual pay.
    #[error("the gross annual pay must not be negative: {cents} cents given")]
    NegativePay {
        /// The value given, in cents.
        cents: i64,
    },
    /// An end date before the start date.
    #[error("the end date is before the start date")]
    EndBeforeStart,
    /// A renewal decided before the post started.
    #[error("a renewal is dated before the post started")]
    RenewalBeforeStart,
    /// A renewal whose end is not after the end of the term it renews.
    #[error("a renewal must end after the term it renews")]
    RenewalEndNotAfterPrevious,
    /// A training record, or a training of a policy, with an empty identifier.
    #[error("a training identifier must not be empty")]
    EmptyTrainingId,
    /// The policy has no parameters for this kind of post.
    #[error("the policy has no parameters for {role} posts")]
    RoleNotInPolicy {
        /// The wire name of the post's role.
        role: String,
    },
    /// The same post id twice in one set of posts (programme indicators): counting it twice
    /// would inflate every total.
    #[error("post {post} is listed twice")]
    DuplicatePost {
        /// The repeated post id.
        post: String,
    },
    /// A year outside 1900..=2200 (programme indicators).
    #[error("the year {year} is outside 1900..=2200")]
    InvalidYear {
        /// The year given.
        year: i32,
    },
    /// A date computed by a rule falls outside the calendar's range (dates near year 262,000).
    #[error("a computed date is out of the calendar's range")]
    DateOutOfRange,
    /// A post or mandate of another establishment in an establishment's data (label).
    #[error("the item belongs to another establishment")]
    EstablishmentMismatch,
    /// The policy is not valid JSON or does not have the policy's shape (line, column).
    #[error("malformed policy: {message}")]
    MalformedPolicy {
        /// The parser's message.
        message: String,
    },
    /// The policy lists no kind of post.
    #[error("the policy lists no kind of post")]
    EmptyPolicy,
    /// A kind of post is listed twice.
    #[error("a kind of post is listed twice")]
    DuplicateRole,
    /// A training is declared twice.
    #[error("a training is declared twice")]
    DuplicateTraining,
    /// A kind of post (or the mandate rules) accepts a training the policy does not declare.
    #[error("training {training:?} is not declared in the policy's trainings")]
    UnknownTraining {
        /// The identifier that is not declared.
        training: String,
    },
    /// Training is required but no training is accepted.
    #[error("training is required but no training is accepted")]
    NoAcceptedTraining,
    /// A parameter out of its range (the field says which; the message gives the range).
    #[error("parameter out of range: {message}")]
    InvalidParameter {
        /// What the range is.
        message: String,
    },
    /// The label checklist is not valid JSON or does not have the checklist's shape.
    #[error("malformed label checklist: {message}")]
    MalformedChecklist {
        /// The parser's message.
        message: String,
    },
    /// The checklist has no criterion.
    #[error("the label checklist has no criterion")]
    EmptyChecklist,
    /// Two criteria have the same identifier, or an identifier is empty.
    #[error("criterion identifiers must be non-empty and unique")]
    InvalidCriterionId,
    /// A post, mandate or establishment-data document of the wrong shape.
    #[error("malformed document: {message}")]
    MalformedDocument {
        /// The parser's message.
        message: String,
    },
}

impl ErrorKind for PolicyErrorKind {
    fn code(&self) -> &'static str {
        use PolicyErrorKind as K;
        match self {
            K::InvalidFte { .. } => "invalid_fte",
            K::NegativePay { .. } => "negative_pay",
            K::EndBeforeStart => "end_before_start",
            K::RenewalBeforeStart => "renewal_before_start",
            K::RenewalEndNotAfterPrevious => "renewal_end_not_after_previous",
            K::EmptyTrainingId => "empty_training_id",
            K::RoleNotInPolicy { .. } => "role_not_in_policy",
            K::DuplicatePost { .. } => "duplicate_post",
            K::InvalidYear { .. } => "invalid_year",
            K::DateOutOfRange => "date_out_of_range",
            K::EstablishmentMismatch => "establishment_mismatch",
            K::MalformedPolicy { .. } => "malformed_policy",
            K::EmptyPolicy => "empty_policy",
            K::DuplicateRole => "duplicate_role",
            K::DuplicateTraining => "duplicate_training",
            K::UnknownTraining { .. } => "unknown_training",
            K::NoAcceptedTraining => "no_accepted_training",
            K::InvalidParameter { .. } => "invalid_parameter",
            K::MalformedChecklist { .. } => "malformed_checklist",
            K::EmptyChecklist => "empty_checklist",
            K::InvalidCriterionId => "invalid_criterion_id",
            K::MalformedDocument { .. } => "malformed_document",
        }
    }
}

/// An error of this module: a kind, and where it happened (entity: the post, mandate,
/// role, training or criterion concerned; field: the offending field, e.g. `fte_permille`,
/// `renewals[1].decided_on`; line and column for malformed JSON).
pub type PolicyError = Located<PolicyErrorKind>;

impl PolicyError {
    /// An error of `kind` located where the JSON reader's error `e` points.
    pub(crate) fn json(kind: PolicyErrorKind, e: &serde_json::Error) -> Self {
        PolicyError::new(kind).at_json(e)
    }
}
