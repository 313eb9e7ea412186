//! Every stable error code of the library, as one vocabulary: [`ErrorCode`].
//!
//! Each module's error kind gives its code as text ([`crate::ErrorKind::code`]); this enum
//! lists them all once, with an English and a French label, so that a binding can expose the
//! code as an enum (Kotlin, Swift) or a `Literal` (Python) and an app can show a French
//! message. The codes raised by a binding at its own boundary (a caught panic, a number or a
//! nesting a foreign value cannot carry into Rust) are listed too: a code means the same
//! thing in every language. `core/tests/error_codes.rs` fails when a module's `code()`
//! returns a code that is not listed here, or when a listed code is raised nowhere.

use crate::located::ErrorContext;
use crate::Vocabulary;

crate::bilingual_enum! {
    /// A stable error code (`empty_id`, `consent_required`…): the `kind` every binding
    /// reports and every conformance vector compares.
    pub enum ErrorCode {
        // identifiers and vocabularies
        /// An identifier is empty (after trimming).
        EmptyId => "empty_id", "empty identifier", "identifiant vide",
        /// An identifier is longer than 64 bytes.
        IdTooLong => "id_too_long", "identifier too long", "identifiant trop long",
        /// An identifier contains a control character.
        IdControlCharacter => "id_control_character", "control character in an identifier", "caractère de contrôle dans un identifiant",
        /// A value is not in its vocabulary.
        UnknownValue => "unknown_value", "unknown value", "valeur inconnue",
        // interviews and activities
        /// A duration of zero minutes.
        ZeroDuration => "zero_duration", "duration of zero minutes", "durée nulle",
        /// A duration above 1440 minutes.
        DurationTooLong => "duration_too_long", "duration too long", "durée trop longue",
        /// A group mission without its number of participants.
        ParticipantsRequired => "participants_required", "number of participants required", "nombre de participants requis",
        /// A number of participants of zero.
        ZeroParticipants => "zero_participants", "zero participants", "aucun participant",
        /// A therapeutic education workshop without its co-animating professional.
        CoAnimatorRequired => "co_animator_required", "co-animator required", "co-animateur requis",
        /// A document (JSON) that does not have the expected shape.
        MalformedDocument => "malformed_document", "malformed document", "document mal formé",
        // referrals
        /// A transition the referral's state does not allow.
        InvalidTransition => "invalid_transition", "transition not allowed", "transition non autorisée",
        /// A transition of a referral already closed, declined or cancelled.
        TransitionFromFinalState => "transition_from_final_state", "referral already ended", "adressage déjà terminé",
        /// A transition dated before the previous one.
        TransitionBeforePrevious => "transition_before_previous", "transition dated before the previous one", "transition datée avant la précédente",
        /// An assignment before the patient's consent was given.
        ConsentRequired => "consent_required", "consent required", "consentement requis",
        /// A consent dated after the referral was recorded.
        ConsentAfterRecord => "consent_after_record", "consent dated after the record", "consentement daté après l'enregistrement",
        /// A need listed twice.
        DuplicateNeed => "duplicate_need", "need listed twice", "besoin en double",
        /// A transition given for another referral.
        ReferralMismatch => "referral_mismatch", "transition of another referral", "transition d'un autre adressage",
        // journal
        /// An identifier already used.
        DuplicateId => "duplicate_id", "identifier already used", "identifiant déjà utilisé",
        /// A referral the journal does not know.
        UnknownReferral => "unknown_referral", "unknown referral", "adressage inconnu",
        /// An interview dated before its referral was received.
        InterviewBeforeReferral => "interview_before_referral", "interview before its referral", "entretien antérieur à son adressage",
        /// An interview dated after its referral ended.
        InterviewAfterFinal => "interview_after_final", "interview after its referral ended", "entretien postérieur à la fin de l'adressage",
        /// A referral ended before one of its interviews.
        FinalBeforeInterview => "final_before_interview", "referral ended before an interview", "adressage terminé avant un entretien",
        /// An interview of another patient than its referral's.
        PatientMismatch => "patient_mismatch", "interview of another patient", "entretien d'un autre patient",
        // engagement catalogue
        /// A role catalogue that does not have the expected shape.
        MalformedCatalogue => "malformed_catalogue", "malformed role catalogue", "catalogue des rôles mal formé",
        /// A role catalogue without roles.
        EmptyCatalogue => "empty_catalogue", "empty role catalogue", "catalogue des rôles vide",
        /// A role listed twice.
        DuplicateRole => "duplicate_role", "role listed twice", "rôle en double",
        /// A role without engagement levels.
        EmptyLevels => "empty_levels", "role without levels", "rôle sans niveau",
        /// A role without scopes.
        EmptyScopes => "empty_scopes", "role without scopes", "rôle sans échelle",
        /// A level listed twice.
        DuplicateLevel => "duplicate_level", "level listed twice", "niveau en double",
        /// A scope listed twice.
        DuplicateScope => "duplicate_scope", "scope listed twice", "échelle en double",
        /// A mission rule listed twice.
        DuplicateMission => "duplicate_mission", "mission listed twice", "mission en double",
        /// A participation rule listed twice.
        DuplicateParticipation => "duplicate_participation", "participation listed twice", "participation en double",
        /// A participation without an engagement level.
        UnmappedParticipation => "unmapped_participation", "participation without a level", "participation sans niveau",
        /// A role the catalogue does not hold.
        RoleNotInCatalogue => "role_not_in_catalogue", "role not in the catalogue", "rôle absent du catalogue",
        /// A mission the catalogue cannot classify.
        UnclassifiedMission => "unclassified_mission", "mission not classified", "mission non classée",
        // files
        /// A file with nothing in it.
        EmptyFile => "empty_file", "empty file", "fichier vide",
        /// Bytes that are not text in the file's encoding.
        InvalidEncoding => "invalid_encoding", "invalid text encoding", "encodage invalide",
        /// An encoding the library does not know.
        UnknownEncoding => "unknown_encoding", "unknown encoding", "encodage inconnu",
        /// A workbook that cannot be read.
        InvalidWorkbook => "invalid_workbook", "unreadable workbook", "classeur illisible",
        /// A sheet the workbook does not have.
        UnknownSheet => "unknown_sheet", "unknown sheet", "feuille inconnue",
        /// A workbook given to a library built without workbook support.
        WorkbooksDisabled => "workbooks_disabled", "workbooks not supported by this build", "classeurs non pris en charge par cette version",
        /// Column aliases that cannot be used.
        InvalidAliases => "invalid_aliases", "invalid column aliases", "alias de colonnes invalides",
        /// A required column is missing.
        MissingColumn => "missing_column", "missing column", "colonne manquante",
        /// A column the import does not use (strict mode).
        UnknownColumn => "unknown_column", "unknown column", "colonne inconnue",
        /// Two columns for the same field.
        DuplicateColumn => "duplicate_column", "column given twice", "colonne en double",
        /// A row with another number of fields than the header.
        WrongFieldCount => "wrong_field_count", "wrong number of fields", "nombre de champs incorrect",
        /// A required value is empty.
        MissingValue => "missing_value", "missing value", "valeur manquante",
        /// A value that is not a date.
        InvalidDate => "invalid_date", "invalid date", "date invalide",
        /// A value that is not a modality.
        InvalidModality => "invalid_modality", "invalid modality", "modalité invalide",
        /// A value that is not in its column's vocabulary.
        InvalidValue => "invalid_value", "invalid value", "valeur invalide",
        /// A value that is not a valid identifier.
        InvalidId => "invalid_id", "invalid identifier", "identifiant invalide",
        /// A value that is not a number in range.
        InvalidNumber => "invalid_number", "invalid number", "nombre invalide",
        /// CSV that cannot be read.
        MalformedCsv => "malformed_csv", "malformed CSV", "CSV mal formé",
        /// A record longer than the reader accepts.
        RecordTooLong => "record_too_long", "record too long", "enregistrement trop long",
        /// JSON that cannot be read as the expected value.
        InvalidJson => "invalid_json", "invalid JSON", "JSON invalide",
        /// A file that could not be read or written.
        IoError => "io_error", "input/output error", "erreur d'entrée-sortie",
        /// A data frame column of a type the import cannot read.
        UnsupportedColumnType => "unsupported_column_type", "unsupported column type", "type de colonne non pris en charge",
        // reports and indicators
        /// A period that ends before it starts.
        InvalidPeriod => "invalid_period", "invalid period", "période invalide",
        /// No period given and no interview to take it from.
        NoPeriod => "no_period", "no period", "aucune période",
        /// A report with more buckets than allowed.
        TooManyBuckets => "too_many_buckets", "too many buckets", "trop de tranches",
        /// A declared reporting gap that is not valid.
        InvalidGap => "invalid_gap", "invalid reporting gap", "période non renseignée invalide",
        /// An interview inside a period declared not reported.
        InterviewInGap => "interview_in_gap", "interview in a period declared not reported", "entretien dans une période déclarée non renseignée",
        /// An activity dated in a range declared as not reported.
        ActivityInGap => "activity_in_gap", "activity in a period declared not reported", "activité dans une période déclarée non renseignée",
        /// Two report builders answering different requests were merged.
        MergeMismatch => "merge_mismatch", "report builders of different requests", "générateurs de rapport de demandes différentes",
        /// A release ledger kept under other settings (threshold, new-patient rule, tables).
        LedgerMismatch => "ledger_mismatch", "release ledger of other settings", "registre des diffusions d'autres paramètres",
        /// Late entries changed cells an earlier release published.
        RevisedCells => "revised_cells", "cells already published were revised", "cellules déjà publiées révisées",
        /// Masked cells an earlier release's published cells give away whatever is masked now.
        UnprotectableCells => "unprotectable_cells", "masked cells that cannot be protected", "cellules masquées impossibles à protéger",
        // FHIR
        /// A document that is not a FHIR Bundle of type collection or transaction.
        NotABundle => "not_a_bundle", "not a FHIR Bundle", "pas un Bundle FHIR",
        /// A FHIR resource type the mapping does not read.
        UnsupportedResource => "unsupported_resource", "unsupported FHIR resource", "ressource FHIR non prise en charge",
        /// A required FHIR element is missing.
        MissingElement => "missing_element", "missing FHIR element", "élément FHIR manquant",
        /// A FHIR element holds a value the mapping cannot read.
        InvalidFhirValue => "invalid_fhir_value", "invalid FHIR value", "valeur FHIR invalide",
        /// A FHIR reference to no entry of the Bundle, or to the wrong kind of entry.
        UnresolvedReference => "unresolved_reference", "unresolved FHIR reference", "référence FHIR non résolue",
        /// A report request that is not valid.
        InvalidRequest => "invalid_request", "invalid report request", "demande de rapport invalide",
        /// An indicator the catalogue does not define.
        UnknownIndicator => "unknown_indicator", "unknown indicator", "indicateur inconnu",
        /// A report that could not be written.
        OutputError => "output_error", "report could not be written", "rapport impossible à écrire",
        // programme rules
        /// A full-time equivalent out of range.
        InvalidFte => "invalid_fte", "invalid full-time equivalent", "ETP invalide",
        /// A negative pay.
        NegativePay => "negative_pay", "negative pay", "rémunération négative",
        /// An end before the start.
        EndBeforeStart => "end_before_start", "end before start", "fin avant le début",
        /// A renewal before the start of the contract.
        RenewalBeforeStart => "renewal_before_start", "renewal before the start", "renouvellement avant le début",
        /// A renewal that does not extend the previous term.
        RenewalEndNotAfterPrevious => "renewal_end_not_after_previous", "renewal does not extend the term", "renouvellement sans prolongation",
        /// A training without an identifier.
        EmptyTrainingId => "empty_training_id", "training without an identifier", "formation sans identifiant",
        /// A post role the programme does not define.
        RoleNotInPolicy => "role_not_in_policy", "role not in the programme", "rôle absent du programme",
        /// A post listed twice.
        DuplicatePost => "duplicate_post", "post listed twice", "poste en double",
        /// A year out of range.
        InvalidYear => "invalid_year", "invalid year", "année invalide",
        /// A date out of the supported range.
        DateOutOfRange => "date_out_of_range", "date out of range", "date hors limites",
        /// Values of different establishments mixed.
        EstablishmentMismatch => "establishment_mismatch", "establishments do not match", "établissements différents",
        /// A programme document that does not have the expected shape.
        MalformedPolicy => "malformed_policy", "malformed programme rules", "règles du programme mal formées",
        /// A programme document without rules.
        EmptyPolicy => "empty_policy", "empty programme rules", "règles du programme vides",
        /// A training listed twice.
        DuplicateTraining => "duplicate_training", "training listed twice", "formation en double",
        /// A training the programme does not define.
        UnknownTraining => "unknown_training", "unknown training", "formation inconnue",
        /// A programme without an accepted training.
        NoAcceptedTraining => "no_accepted_training", "no accepted training", "aucune formation reconnue",
        /// A programme parameter out of range.
        InvalidParameter => "invalid_parameter", "invalid parameter", "paramètre invalide",
        /// A label checklist that does not have the expected shape.
        MalformedChecklist => "malformed_checklist", "malformed checklist", "grille mal formée",
        /// A label checklist without criteria.
        EmptyChecklist => "empty_checklist", "empty checklist", "grille vide",
        /// A checklist criterion with an invalid identifier.
        InvalidCriterionId => "invalid_criterion_id", "invalid criterion identifier", "identifiant de critère invalide",
        // raised by a binding at its boundary
        /// A Rust panic, caught at a binding's boundary (a bug of the library: please report it).
        Panic => "panic", "internal error", "erreur interne",
        /// A number a binding received that the core cannot hold (a negative count, an
        /// integer beyond 64 bits).
        IntegerOutOfRange => "integer_out_of_range", "integer out of range", "entier hors limites",
        /// A value nested deeper than a binding reads (128 levels).
        NestedTooDeep => "nested_too_deep", "value nested too deep", "valeur trop imbriquée",
    }
}

impl ErrorCode {
    /// A short English message for people and logs: where (see
    /// [`ErrorContext::describe`]) and what (the code's English label), quoting no value of
    /// the input (`line 3, column 4 (modality): invalid modality`). A data frame row's index
    /// label is left out: it may be anything, a patient's pseudonym included.
    pub fn summary(&self, context: &ErrorContext) -> String {
        match log_safe(context).describe() {
            Some(place) => format!("{place}: {}", self.label_en()),
            None => capitalised(self.label_en()),
        }
    }

    /// The same in French (`ligne 3, colonne 4 (modality) : modalité invalide`; see
    /// [`ErrorContext::describe_fr`]).
    ///
    /// ```
    /// use patient_partner::{ErrorCode, ErrorContext};
    /// let ctx = ErrorContext { line: Some(3), column: Some(4), field: Some("modality".into()),
    ///     ..Default::default() };
    /// assert_eq!(ErrorCode::InvalidModality.summary_fr(&ctx),
    ///     "ligne 3, colonne 4 (modality) : modalité invalide");
    /// assert_eq!(ErrorCode::NoPeriod.summary_fr(&ErrorContext::default()), "Aucune période");
    /// ```
    pub fn summary_fr(&self, context: &ErrorContext) -> String {
        match log_safe(context).describe_fr() {
            Some(place) => format!("{place} : {}", self.label_fr()),
            None => capitalised(self.label_fr()),
        }
    }

    /// The codes raised by a binding at its own boundary, never by the core.
    pub const BOUNDARY: &'static [ErrorCode] = &[
        ErrorCode::Panic,
        ErrorCode::IntegerOutOfRange,
        ErrorCode::NestedTooDeep,
    ];
}

/// The context without what may quote the input (a data frame's index label).
fn log_safe(context: &ErrorContext) -> ErrorContext {
    ErrorContext {
        row_label: None,
        ..context.clone()
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
