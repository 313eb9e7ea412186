//! The core's closed vocabularies, exposed as they are (`#[uniffi::remote(Enum)]`): no mirror
//! enum and no conversion. Kotlin sees `enum class Need { PATHWAY_NAVIGATION, … }`, Swift
//! `enum Need { case pathwayNavigation, … }`. The declarations below must list the core's
//! variants exactly, in order: uniffi's generated conversions `match` on them, so a variant
//! added to or removed from the core without this file fails to compile.
//!
//! Each variant's documentation (shown in KDoc and Swift doc) gives its English meaning, its
//! stable wire name and its French label. Internal vocabularies of the xlsx writer and of the
//! file readers (the columns of a referral file, workbook languages, chart choices) are not exposed.
//!
//! [`VocabularyValue`] wraps a value of any of them, for its wire name and labels at run time
//! (an app shows `vocabularyLabelFr(...)` on its screens) and for `parseVocabulary`.

use patient_partner::vocabulary::UnknownValue;
use patient_partner::Vocabulary;

use crate::error::{core, guard, FfiResult};
use patient_partner::activity::ActivityModality;
use patient_partner::engagement::classify::RoleFit;
use patient_partner::engagement::level::EngagementLevel;
use patient_partner::engagement::participation::Participation;
use patient_partner::engagement::profile::EstablishmentPatient;
use patient_partner::engagement::profile::Remuneration;
use patient_partner::engagement::profile::TrainingRequirement;
use patient_partner::engagement::role::Role;
use patient_partner::engagement::scope::Scope;
use patient_partner::error_code::ErrorCode;
use patient_partner::fhir::export::BundleKind;
use patient_partner::import::options::UnknownColumns;
use patient_partner::import::summary::FileFormat;
use patient_partner::indicators::definitions::IndicatorUnit;
use patient_partner::indicators::published::TableIndicator;
use patient_partner::indicators::referrals::SourceKind;
use patient_partner::interview::Modality;
use patient_partner::mission::ActivityCategory;
use patient_partner::mission::ExtraClinicalArea;
use patient_partner::mission::Mission;
use patient_partner::mission::MissionCategory;
use patient_partner::mission::MissionFormat;
use patient_partner::policy::calendar::TermStatus;
use patient_partner::policy::document::Appointer;
use patient_partner::policy::document::AssociationRule;
use patient_partner::policy::document::TrainingKind;
use patient_partner::policy::finding::Compliance;
use patient_partner::policy::finding::Severity;
use patient_partner::policy::indicators::NextStep;
use patient_partner::policy::label::ChecklistStatus;
use patient_partner::policy::label::CriterionOutcome;
use patient_partner::policy::label::LabelOutcome;
use patient_partner::policy::mandate::AssociationMembership;
use patient_partner::policy::mandate::PatientStatus;
use patient_partner::policy::post::PostRole;
use patient_partner::referral::arrangement::FollowUp;
use patient_partner::referral::arrangement::Setting;
use patient_partner::referral::consent::ConsentStatus;
use patient_partner::referral::lifecycle::DeclineReason;
use patient_partner::referral::lifecycle::ReferralEventKind;
use patient_partner::referral::lifecycle::ReferralOutcome;
use patient_partner::referral::lifecycle::ReferralState;
use patient_partner::referral::need::Need;
use patient_partner::referral::need::PathwayStage;
use patient_partner::referral::orientation::Resource;
use patient_partner::referral::source::Profession;
use patient_partner::report::bucket::Bucket;
use patient_partner::report::grouping::GroupBy;
use patient_partner::report::new_patients::NewPatientRule;
use patient_partner::report::output::ActivityMeasure;
use patient_partner::report::output::Column;
use patient_partner::report::output::Reporting;
use patient_partner::report::publication::{LedgerRow, Revisions};

/// The activity columns of the monthly table: the clinical group sessions, each
/// extra-clinical area, and the individual clinical activities kept in an activity log.
#[uniffi::remote(Enum)]
pub enum ActivityCategory {
    /// Support groups and meetings with patients and relatives. Wire name `clinical_groups`; French: *séances collectives cliniques*.
    ClinicalGroups,
    /// Work with care teams and professionals. Wire name `with_professionals`; French: *avec les professionnels*.
    WithProfessionals,
    /// Committees, pathway reorganisation, governance, CDU, ethics. Wire name `governance`; French: *gouvernance*.
    Governance,
    /// Training of professionals. Wire name `training`; French: *formation*.
    Training,
    /// Making the role known: presentations, congresses, media. Wire name `communication`; French: *communication*.
    Communication,
    /// Research focus groups and the design and testing of innovations. Wire name `research`; French: *recherche*.
    Research,
    /// Work with patient associations. Wire name `associations`; French: *associations*.
    Associations,
    /// Individual interviews recorded as activities (not in the interview columns). Wire name `clinical_individual`; French: *activités cliniques individuelles*.
    ClinicalIndividual,
}

/// The type of an exported FHIR Bundle.
#[uniffi::remote(Enum)]
pub enum BundleKind {
    /// A set of resources to read. Wire name `collection`; French: *collection*.
    Collection,
    /// A set of resources to apply on a server, with conditional creates. Wire name `transaction`; French: *transaction*.
    Transaction,
}

/// A measure of the activity columns of a report.
#[uniffi::remote(Enum)]
pub enum ActivityMeasure {
    /// How many activities. Wire name `activities`; French: *activités*.
    Activities,
    /// Their total duration in minutes. Wire name `minutes`; French: *minutes*.
    Minutes,
    /// The people who took part, added up. Wire name `participants`; French: *participants*.
    Participants,
}

/// How an activity took place. Unlike an interview's `Modality`, a group activity may be hybrid.
#[uniffi::remote(Enum)]
pub enum ActivityModality {
    /// Everyone in the same room. Wire name `in_person`; French: *présentiel*.
    InPerson,
    /// By video call. Wire name `video`; French: *visio*.
    Video,
    /// By telephone (conference call). Wire name `phone`; French: *téléphone*.
    Phone,
    /// Some in the room, some remote. Wire name `hybrid`; French: *hybride*.
    Hybrid,
}

/// Whether a classification is typical of a role's profile.
#[uniffi::remote(Enum)]
pub enum RoleFit {
    /// Both the level and the scope are among the role's typical ones. Wire name `typical`; French: *conforme au rôle*.
    Typical,
    /// The scope is typical, the level is not. Wire name `atypical_level`; French: *niveau inhabituel pour le rôle*.
    AtypicalLevel,
    /// The level is typical, the scope is not. Wire name `atypical_scope`; French: *échelle inhabituelle pour le rôle*.
    AtypicalScope,
    /// Neither is typical. Wire name `atypical`; French: *inhabituel pour le rôle*.
    Atypical,
}

/// A level of the engagement continuum, ordered: information < consultation < collaboration < partnership (`Ord` follows this order).
#[uniffi::remote(Enum)]
pub enum EngagementLevel {
    /// The person receives information. Wire name `information`; French: *information*.
    Information,
    /// The person is asked for an opinion. Wire name `consultation`; French: *consultation*.
    Consultation,
    /// The person works with professionals on work they lead. Wire name `collaboration`; French: *collaboration*.
    Collaboration,
    /// Co-construction and shared decision. Wire name `partnership`; French: *partenariat*.
    Partnership,
}

/// How a person takes part in an activity. The role catalogue maps each kind to an `EngagementLevel` (data, see `super::RoleCatalogue`).
#[uniffi::remote(Enum)]
pub enum Participation {
    /// Attends, receives information. Wire name `attends`; French: *assiste*.
    Attends,
    /// Is asked for an opinion (survey, consultative committee, focus group). Wire name `gives_opinion`; French: *donne son avis*.
    GivesOpinion,
    /// Testifies, shares experience at the request of others. Wire name `shares_experience`; French: *témoigne*.
    SharesExperience,
    /// Accompanies a patient as a peer, within or alongside the care team. Wire name `accompanies`; French: *accompagne un patient*.
    Accompanies,
    /// Contributes to work led by professionals. Wire name `contributes`; French: *contribue*.
    Contributes,
    /// Co-animates with professionals. Wire name `co_animates`; French: *co-anime*.
    CoAnimates,
    /// Co-designs (co-construction of a project, a pathway, a tool). Wire name `co_designs`; French: *co-construit*.
    CoDesigns,
    /// Co-decides (shared decision, a vote in governance, co-leading). Wire name `co_decides`; French: *co-décide*.
    CoDecides,
}

/// How a role is paid.
#[uniffi::remote(Enum)]
pub enum Remuneration {
    /// A salaried post (e.g. a patient partner on a half-time post). Wire name `salaried`; French: *salarié*.
    Salaried,
    /// Paid per intervention (fees, *vacations*). Wire name `paid_per_intervention`; French: *rémunéré à l'intervention*.
    PaidPerIntervention,
    /// Volunteer (*bénévole*). Wire name `volunteer`; French: *bénévole*.
    Volunteer,
}

/// Whether training is required before taking office.
#[uniffi::remote(Enum)]
pub enum TrainingRequirement {
    /// Required before taking office (e.g. the ARS Nouvelle-Aquitaine programme). Wire name `before_taking_office`; French: *obligatoire avant la prise de poste*.
    BeforeTakingOffice,
    /// Recommended, or required later, but not a condition to start. Wire name `recommended`; French: *recommandée*.
    Recommended,
    /// Not required. Wire name `not_required`; French: *non requise*.
    NotRequired,
}

/// Whether the person may be a patient of the establishment where they act.
#[uniffi::remote(Enum)]
pub enum EstablishmentPatient {
    /// Must not be (user representatives on the CDU are not patients of the establishment). Wire name `excluded`; French: *ne doit pas être patient de l'établissement*.
    Excluded,
    /// May be. Wire name `allowed`; French: *peut être patient de l'établissement*.
    Allowed,
}

/// A form of user or patient engagement named by the sources (Institut Bergonié's list of the forms of user engagement, and the other roles the sources mention).
#[uniffi::remote(Enum)]
pub enum Role {
    /// A user representative on the users' commission (*représentant des usagers*, RU, at the *Commission des usagers*, CDU); appointed by the regional health agency from approved associations; not a patient of the establishment. Wire name `user_representative`; French: *représentant des usagers (CDU)*.
    UserRepresentative,
    /// A member of a users' association (*association d'usagers*). Wire name `user_association_member`; French: *membre d'une association d'usagers*.
    UserAssociationMember,
    /// A member of a support association (*association d'accompagnement*). Wire name `support_association_member`; French: *membre d'une association d'accompagnement*.
    SupportAssociationMember,
    /// A volunteer peer helper who is (or was) a patient (*pair aidant bénévole patient*). Wire name `volunteer_peer_helper_patient`; French: *pair aidant bénévole (patient)*.
    VolunteerPeerHelperPatient,
    /// A volunteer peer helper who is (or was) a caregiver (*pair aidant bénévole aidant*). Wire name `volunteer_peer_helper_caregiver`; French: *pair aidant bénévole (aidant)*.
    VolunteerPeerHelperCaregiver,
    /// A salaried, trained patient partner in a care team (*patient partenaire en cancérologie*). Wire name `salaried_patient_partner`; French: *patient partenaire salarié*.
    SalariedPatientPartner,
    /// A parent partner in paediatric haemato-oncology (*parent partenaire*). Wire name `parent_partner`; French: *parent partenaire*.
    ParentPartner,
    /// A resource for other patients (*patient ressource*). Wire name `resource_patient`; French: *patient ressource*.
    ResourcePatient,
    /// An expert patient (*patient expert*). Wire name `expert_patient`; French: *patient expert*.
    ExpertPatient,
    /// A patient who audits in a pair with a professional (*patient auditeur*). Wire name `patient_auditor`; French: *patient auditeur*.
    PatientAuditor,
    /// A patient who takes part in training doctors and nurses (*patient intervenant*). Wire name `patient_trainer`; French: *patient intervenant*.
    PatientTrainer,
    /// A member of a patients' committee (*comité de patients*), consultative, volunteer. Wire name `patient_committee_member`; French: *membre d'un comité de patients*.
    PatientCommitteeMember,
    /// A patient in the governance of a project (e.g. a digital health project). Wire name `project_governance_patient`; French: *patient dans la gouvernance d'un projet*.
    ProjectGovernancePatient,
}

/// Where engagement acts. Ordered micro < meso < macro.
#[uniffi::remote(Enum)]
pub enum Scope {
    /// Direct care (*soins directs*). Wire name `micro`; French: *micro (soins directs)*.
    Micro,
    /// Organisation of services and establishments. Wire name `meso`; French: *méso (organisation des services)*.
    Meso,
    /// Health policy and governance. Wire name `macro`; French: *macro (politiques de santé et gouvernance)*.
    Macro,
}

/// A stable error code (`empty_id`, `consent_required`…): the `kind` every binding reports and every conformance vector compares.
#[uniffi::remote(Enum)]
pub enum ErrorCode {
    /// An identifier is empty (after trimming). Wire name `empty_id`; French: *identifiant vide*.
    EmptyId,
    /// An identifier is longer than 64 bytes. Wire name `id_too_long`; French: *identifiant trop long*.
    IdTooLong,
    /// An identifier contains a control character. Wire name `id_control_character`; French: *caractère de contrôle dans un identifiant*.
    IdControlCharacter,
    /// A value is not in its vocabulary. Wire name `unknown_value`; French: *valeur inconnue*.
    UnknownValue,
    /// A duration of zero minutes. Wire name `zero_duration`; French: *durée nulle*.
    ZeroDuration,
    /// A duration above 1440 minutes. Wire name `duration_too_long`; French: *durée trop longue*.
    DurationTooLong,
    /// A group mission without its number of participants. Wire name `participants_required`; French: *nombre de participants requis*.
    ParticipantsRequired,
    /// A number of participants of zero. Wire name `zero_participants`; French: *aucun participant*.
    ZeroParticipants,
    /// A therapeutic education workshop without its co-animating professional. Wire name `co_animator_required`; French: *co-animateur requis*.
    CoAnimatorRequired,
    /// A document (JSON) that does not have the expected shape. Wire name `malformed_document`; French: *document mal formé*.
    MalformedDocument,
    /// A transition the referral's state does not allow. Wire name `invalid_transition`; French: *transition non autorisée*.
    InvalidTransition,
    /// A transition of a referral already closed, declined or cancelled. Wire name `transition_from_final_state`; French: *orientation déjà terminée*.
    TransitionFromFinalState,
    /// A transition dated before the previous one. Wire name `transition_before_previous`; French: *transition datée avant la précédente*.
    TransitionBeforePrevious,
    /// An assignment before the patient's consent was given. Wire name `consent_required`; French: *consentement requis*.
    ConsentRequired,
    /// A consent dated after the referral was recorded. Wire name `consent_after_record`; French: *consentement daté après l'enregistrement*.
    ConsentAfterRecord,
    /// A need listed twice. Wire name `duplicate_need`; French: *besoin en double*.
    DuplicateNeed,
    /// A transition given for another referral. Wire name `referral_mismatch`; French: *transition d'une autre orientation*.
    ReferralMismatch,
    /// An identifier already used. Wire name `duplicate_id`; French: *identifiant déjà utilisé*.
    DuplicateId,
    /// A referral the journal does not know. Wire name `unknown_referral`; French: *orientation inconnue*.
    UnknownReferral,
    /// An interview dated before its referral was received. Wire name `interview_before_referral`; French: *entretien antérieur à son orientation*.
    InterviewBeforeReferral,
    /// An interview dated after its referral ended. Wire name `interview_after_final`; French: *entretien postérieur à la fin de l'orientation*.
    InterviewAfterFinal,
    /// A referral ended before one of its interviews. Wire name `final_before_interview`; French: *orientation terminée avant un entretien*.
    FinalBeforeInterview,
    /// An interview of another patient than its referral's. Wire name `patient_mismatch`; French: *entretien d'un autre patient*.
    PatientMismatch,
    /// A role catalogue that does not have the expected shape. Wire name `malformed_catalogue`; French: *catalogue des rôles mal formé*.
    MalformedCatalogue,
    /// A role catalogue without roles. Wire name `empty_catalogue`; French: *catalogue des rôles vide*.
    EmptyCatalogue,
    /// A role listed twice. Wire name `duplicate_role`; French: *rôle en double*.
    DuplicateRole,
    /// A role without engagement levels. Wire name `empty_levels`; French: *rôle sans niveau*.
    EmptyLevels,
    /// A role without scopes. Wire name `empty_scopes`; French: *rôle sans échelle*.
    EmptyScopes,
    /// A level listed twice. Wire name `duplicate_level`; French: *niveau en double*.
    DuplicateLevel,
    /// A scope listed twice. Wire name `duplicate_scope`; French: *échelle en double*.
    DuplicateScope,
    /// A mission rule listed twice. Wire name `duplicate_mission`; French: *mission en double*.
    DuplicateMission,
    /// A participation rule listed twice. Wire name `duplicate_participation`; French: *participation en double*.
    DuplicateParticipation,
    /// A participation without an engagement level. Wire name `unmapped_participation`; French: *participation sans niveau*.
    UnmappedParticipation,
    /// A role the catalogue does not hold. Wire name `role_not_in_catalogue`; French: *rôle absent du catalogue*.
    RoleNotInCatalogue,
    /// A mission the catalogue cannot classify. Wire name `unclassified_mission`; French: *mission non classée*.
    UnclassifiedMission,
    /// A file with nothing in it. Wire name `empty_file`; French: *fichier vide*.
    EmptyFile,
    /// Bytes that are not text in the file's encoding. Wire name `invalid_encoding`; French: *encodage invalide*.
    InvalidEncoding,
    /// An encoding the library does not know. Wire name `unknown_encoding`; French: *encodage inconnu*.
    UnknownEncoding,
    /// A workbook that cannot be read. Wire name `invalid_workbook`; French: *classeur illisible*.
    InvalidWorkbook,
    /// A sheet the workbook does not have. Wire name `unknown_sheet`; French: *feuille inconnue*.
    UnknownSheet,
    /// A workbook given to a library built without workbook support. Wire name `workbooks_disabled`; French: *classeurs non pris en charge par cette version*.
    WorkbooksDisabled,
    /// Column aliases that cannot be used. Wire name `invalid_aliases`; French: *alias de colonnes invalides*.
    InvalidAliases,
    /// A required column is missing. Wire name `missing_column`; French: *colonne manquante*.
    MissingColumn,
    /// A column the import does not use (strict mode). Wire name `unknown_column`; French: *colonne inconnue*.
    UnknownColumn,
    /// Two columns for the same field. Wire name `duplicate_column`; French: *colonne en double*.
    DuplicateColumn,
    /// A row with another number of fields than the header. Wire name `wrong_field_count`; French: *nombre de champs incorrect*.
    WrongFieldCount,
    /// A required value is empty. Wire name `missing_value`; French: *valeur manquante*.
    MissingValue,
    /// A value that is not a date. Wire name `invalid_date`; French: *date invalide*.
    InvalidDate,
    /// A value that is not a modality. Wire name `invalid_modality`; French: *modalité invalide*.
    InvalidModality,
    /// A value that is not in its column's vocabulary. Wire name `invalid_value`; French: *valeur invalide*.
    InvalidValue,
    /// A value that is not a valid identifier. Wire name `invalid_id`; French: *identifiant invalide*.
    InvalidId,
    /// A value that is not a number in range. Wire name `invalid_number`; French: *nombre invalide*.
    InvalidNumber,
    /// CSV that cannot be read. Wire name `malformed_csv`; French: *CSV mal formé*.
    MalformedCsv,
    /// A record longer than the reader accepts. Wire name `record_too_long`; French: *enregistrement trop long*.
    RecordTooLong,
    /// JSON that cannot be read as the expected value. Wire name `invalid_json`; French: *JSON invalide*.
    InvalidJson,
    /// A file that could not be read or written. Wire name `io_error`; French: *erreur d'entrée-sortie*.
    IoError,
    /// A data frame column of a type the import cannot read. Wire name `unsupported_column_type`; French: *type de colonne non pris en charge*.
    UnsupportedColumnType,
    /// A period that ends before it starts. Wire name `invalid_period`; French: *période invalide*.
    InvalidPeriod,
    /// No period given and no interview to take it from. Wire name `no_period`; French: *aucune période*.
    NoPeriod,
    /// A report with more buckets than allowed. Wire name `too_many_buckets`; French: *trop de tranches*.
    TooManyBuckets,
    /// A declared reporting gap that is not valid. Wire name `invalid_gap`; French: *période non renseignée invalide*.
    InvalidGap,
    /// An interview inside a period declared not reported. Wire name `interview_in_gap`; French: *entretien dans une période déclarée non renseignée*.
    InterviewInGap,
    /// An activity dated in a range declared as not reported. Wire name `activity_in_gap`; French: *activité dans une période déclarée non renseignée*.
    ActivityInGap,
    /// Two report builders answering different requests were merged. Wire name `merge_mismatch`; French: *générateurs de rapport de demandes différentes*.
    MergeMismatch,
    /// A release ledger kept under other settings (threshold, new-patient rule, tables). Wire name `ledger_mismatch`; French: *registre des diffusions d'autres paramètres*.
    LedgerMismatch,
    /// Late entries changed cells an earlier release published. Wire name `revised_cells`; French: *cellules déjà publiées révisées*.
    RevisedCells,
    /// Masked cells an earlier release's published cells give away whatever is masked now. Wire name `unprotectable_cells`; French: *cellules masquées impossibles à protéger*.
    UnprotectableCells,
    /// A document that is not a FHIR Bundle of type collection or transaction. Wire name `not_a_bundle`; French: *pas un Bundle FHIR*.
    NotABundle,
    /// A FHIR resource type the mapping does not read. Wire name `unsupported_resource`; French: *ressource FHIR non prise en charge*.
    UnsupportedResource,
    /// A required FHIR element is missing. Wire name `missing_element`; French: *élément FHIR manquant*.
    MissingElement,
    /// A FHIR element holds a value the mapping cannot read. Wire name `invalid_fhir_value`; French: *valeur FHIR invalide*.
    InvalidFhirValue,
    /// A FHIR reference to no entry of the Bundle, or to the wrong kind of entry. Wire name `unresolved_reference`; French: *référence FHIR non résolue*.
    UnresolvedReference,
    /// A report request that is not valid. Wire name `invalid_request`; French: *demande de rapport invalide*.
    InvalidRequest,
    /// An indicator the catalogue does not define. Wire name `unknown_indicator`; French: *indicateur inconnu*.
    UnknownIndicator,
    /// A report that could not be written. Wire name `output_error`; French: *rapport impossible à écrire*.
    OutputError,
    /// A full-time equivalent out of range. Wire name `invalid_fte`; French: *ETP invalide*.
    InvalidFte,
    /// A negative pay. Wire name `negative_pay`; French: *rémunération négative*.
    NegativePay,
    /// An end before the start. Wire name `end_before_start`; French: *fin avant le début*.
    EndBeforeStart,
    /// A renewal before the start of the contract. Wire name `renewal_before_start`; French: *renouvellement avant le début*.
    RenewalBeforeStart,
    /// A renewal that does not extend the previous term. Wire name `renewal_end_not_after_previous`; French: *renouvellement sans prolongation*.
    RenewalEndNotAfterPrevious,
    /// A training without an identifier. Wire name `empty_training_id`; French: *formation sans identifiant*.
    EmptyTrainingId,
    /// A post role the programme does not define. Wire name `role_not_in_policy`; French: *rôle absent du programme*.
    RoleNotInPolicy,
    /// A post listed twice. Wire name `duplicate_post`; French: *poste en double*.
    DuplicatePost,
    /// A year out of range. Wire name `invalid_year`; French: *année invalide*.
    InvalidYear,
    /// A date out of the supported range. Wire name `date_out_of_range`; French: *date hors limites*.
    DateOutOfRange,
    /// Values of different establishments mixed. Wire name `establishment_mismatch`; French: *établissements différents*.
    EstablishmentMismatch,
    /// A programme document that does not have the expected shape. Wire name `malformed_policy`; French: *règles du programme mal formées*.
    MalformedPolicy,
    /// A programme document without rules. Wire name `empty_policy`; French: *règles du programme vides*.
    EmptyPolicy,
    /// A training listed twice. Wire name `duplicate_training`; French: *formation en double*.
    DuplicateTraining,
    /// A training the programme does not define. Wire name `unknown_training`; French: *formation inconnue*.
    UnknownTraining,
    /// A programme without an accepted training. Wire name `no_accepted_training`; French: *aucune formation reconnue*.
    NoAcceptedTraining,
    /// A programme parameter out of range. Wire name `invalid_parameter`; French: *paramètre invalide*.
    InvalidParameter,
    /// A label checklist that does not have the expected shape. Wire name `malformed_checklist`; French: *grille mal formée*.
    MalformedChecklist,
    /// A label checklist without criteria. Wire name `empty_checklist`; French: *grille vide*.
    EmptyChecklist,
    /// A checklist criterion with an invalid identifier. Wire name `invalid_criterion_id`; French: *identifiant de critère invalide*.
    InvalidCriterionId,
    /// A Rust panic, caught at a binding's boundary (a bug of the library: please report it). Wire name `panic`; French: *erreur interne*.
    Panic,
    /// A number a binding received that the core cannot hold (a negative count, an integer beyond 64 bits). Wire name `integer_out_of_range`; French: *entier hors limites*.
    IntegerOutOfRange,
    /// A value nested deeper than a binding reads (128 levels). Wire name `nested_too_deep`; French: *valeur trop imbriquée*.
    NestedTooDeep,
}

/// What an import does with a column it does not use (a comments column, notes…).
#[uniffi::remote(Enum)]
pub enum UnknownColumns {
    /// Ignore it and name it in the `ImportSummary` (the default). Wire name `ignore`; French: *ignorer*.
    Ignore,
    /// Refuse the file (`unknown_column`), so that a misspelt column is never dropped. Wire name `refuse`; French: *refuser*.
    Refuse,
}

/// The format of a file, from its content.
#[uniffi::remote(Enum)]
pub enum FileFormat {
    /// Delimited text (`,`, `;` or tab). Wire name `csv`; French: *CSV*.
    Csv,
    /// Office Open XML workbook (`.xlsx`, `.xlsm`). Wire name `xlsx`; French: *classeur Excel (xlsx)*.
    Xlsx,
    /// Excel binary workbook (`.xlsb`). Wire name `xlsb`; French: *classeur Excel binaire (xlsb)*.
    Xlsb,
    /// Excel 97–2003 workbook (`.xls`). Wire name `xls`; French: *classeur Excel 97-2003 (xls)*.
    Xls,
    /// OpenDocument spreadsheet (`.ods`). Wire name `ods`; French: *classeur OpenDocument (ods)*.
    Ods,
    /// A JSON document. Wire name `json`; French: *JSON*.
    Json,
    /// A data frame or Arrow table handed over in memory (pandas, polars, pyarrow, DuckDB), read column by column. Wire name `frame`; French: *tableau de données*.
    Frame,
}

/// What an indicator's value measures.
#[uniffi::remote(Enum)]
pub enum IndicatorUnit {
    /// A number of items (interviews, patients, activities). Wire name `count`; French: *nombre*.
    Count,
    /// Whole days. Wire name `days`; French: *jours*.
    Days,
    /// A share between 0 and 1. Wire name `ratio`; French: *proportion*.
    Ratio,
    /// Interviews per patient. Wire name `interviews_per_patient`; French: *entretiens par patient*.
    InterviewsPerPatient,
}

/// The kind of source of a referral.
#[uniffi::remote(Enum)]
pub enum SourceKind {
    /// The patient's referring physician. Wire name `referring_physician`; French: *médecin référent*.
    ReferringPhysician,
    /// A professional of the care team. Wire name `care_team`; French: *professionnel de l'équipe de soins*.
    CareTeam,
}

/// How an interview took place.
#[uniffi::remote(Enum)]
pub enum Modality {
    /// Face to face, in the establishment or elsewhere. Wire name `in_person`; French: *présentiel*.
    InPerson,
    /// By telephone. Wire name `phone`; French: *téléphone*.
    Phone,
    /// By video call. Wire name `video`; French: *visio*.
    Video,
}

/// Clinical (with patients, in their care pathway) or extra-clinical (with the health system).
#[uniffi::remote(Enum)]
pub enum MissionCategory {
    /// With patients and relatives, in the care pathway. Wire name `clinical`; French: *clinique*.
    Clinical,
    /// With professionals, institutions and the public. Wire name `extra_clinical`; French: *extra-clinique*.
    ExtraClinical,
}

/// The area of an extra-clinical mission.
#[uniffi::remote(Enum)]
pub enum ExtraClinicalArea {
    /// Work with care teams and professionals (Baclesse's "with professionals"). Wire name `with_professionals`; French: *avec les professionnels*.
    WithProfessionals,
    /// Committees, pathway reorganisation, governance, CDU, ethics. Wire name `governance`; French: *gouvernance*.
    Governance,
    /// Training of professionals. Wire name `training`; French: *formation*.
    Training,
    /// Making the role known: presentations, congresses, media. Wire name `communication`; French: *communication*.
    Communication,
    /// Research focus groups and the design and testing of innovations. Wire name `research`; French: *recherche*.
    Research,
    /// Work with patient associations. Wire name `associations`; French: *associations*.
    Associations,
}

/// Whether a mission is held with one person or with a group.
#[uniffi::remote(Enum)]
pub enum MissionFormat {
    /// One patient (possibly with a relative), or no audience at all. Wire name `individual`; French: *individuel*.
    Individual,
    /// A group: the number of participants must be recorded. Wire name `group`; French: *collectif*.
    Group,
}

/// A mission of a patient partner (BRIEF §3).
#[uniffi::remote(Enum)]
pub enum Mission {
    /// An interview with a referred patient, in person, by phone or video (*entretien*). Wire name `individual_interview`; French: *entretien individuel*.
    IndividualInterview,
    /// A support group (*groupe de parole*). Wire name `support_group`; French: *groupe de parole*.
    SupportGroup,
    /// A meeting with patients and relatives, co-animated with professionals. Wire name `patient_relative_meeting`; French: *réunion patients-proches*.
    PatientRelativeMeeting,
    /// Taking part in the work of a care team (staff meetings, pathway huddles). Wire name `care_team_participation`; French: *participation à l'équipe de soins*.
    CareTeamParticipation,
    /// A therapeutic patient education workshop co-animated with professionals (*ETP*). Wire name `therapeutic_education_workshop`; French: *atelier d'éducation thérapeutique (ETP)*.
    TherapeuticEducationWorkshop,
    /// Evaluating professional practice, e.g. a patient audit in a pair with a professional. Wire name `practice_evaluation`; French: *évaluation des pratiques professionnelles*.
    PracticeEvaluation,
    /// Helping design and test innovations (tools, services). Wire name `innovation_design`; French: *conception et test d'innovations*.
    InnovationDesign,
    /// Contributing to the reorganisation of care pathways. Wire name `pathway_redesign`; French: *réorganisation des parcours*.
    PathwayRedesign,
    /// Sharing experience in a committee or a project (patient committee, project group). Wire name `committee_participation`; French: *participation à un comité*.
    CommitteeParticipation,
    /// Work with the users' commission (*Commission des usagers*, CDU). Wire name `users_commission_work`; French: *travail avec la commission des usagers*.
    UsersCommissionWork,
    /// Work with the establishment's ethics group. Wire name `ethics_group`; French: *groupe éthique*.
    EthicsGroup,
    /// Taking part in the governance of the establishment or of a project. Wire name `governance_participation`; French: *participation à la gouvernance*.
    GovernanceParticipation,
    /// Training doctors, nurses and other professionals (*patient intervenant*). Wire name `professional_training`; French: *formation des professionnels*.
    ProfessionalTraining,
    /// Making the patient partner role known to professionals, patients, associations, the public. Wire name `role_promotion`; French: *faire connaître le rôle*.
    RolePromotion,
    /// Speaking at a congress or a round table. Wire name `congress_round_table`; French: *congrès ou table ronde*.
    CongressRoundTable,
    /// Media interviews and publications. Wire name `media`; French: *médias*.
    Media,
    /// A research focus group. Wire name `research_focus_group`; French: *focus group de recherche*.
    ResearchFocusGroup,
    /// Work with patient associations. Wire name `association_work`; French: *travail avec les associations de patients*.
    AssociationWork,
}

/// Where a term stands against the programme's contract rules.
#[uniffi::remote(Enum)]
pub enum TermStatus {
    /// Within the contract length and the renewals allowed. Wire name `within_programme`; French: *dans le cadre du programme*.
    WithinProgramme,
    /// Longer than the contract length. Wire name `too_long`; French: *plus long que permis*.
    TooLong,
    /// A renewal beyond the number allowed. Wire name `beyond_renewal_limit`; French: *au-delà des renouvellements permis*.
    BeyondRenewalLimit,
}

/// What kind of training a `TrainingDefinition` is.
#[uniffi::remote(Enum)]
pub enum TrainingKind {
    /// A programme's own training (e.g. the ARS Nouvelle-Aquitaine training with the Université des patients – Sorbonne). Wire name `programme_training`; French: *formation du programme*.
    ProgrammeTraining,
    /// A university diploma (*diplôme universitaire*, DU). Wire name `university_diploma`; French: *diplôme universitaire*.
    UniversityDiploma,
    /// A training the policy accepts as equivalent. Wire name `equivalent`; French: *formation équivalente*.
    Equivalent,
    /// The basic training of user representatives (*formation de base des RU*). Wire name `user_representative_basic`; French: *formation de base des représentants des usagers*.
    UserRepresentativeBasic,
}

/// Who appoints a user representative.
#[uniffi::remote(Enum)]
pub enum Appointer {
    /// The regional health agency (*Agence régionale de santé*, ARS). Wire name `regional_health_agency`; French: *agence régionale de santé*.
    RegionalHealthAgency,
    /// The establishment itself. Wire name `establishment`; French: *établissement*.
    Establishment,
    /// Anyone else. Wire name `other`; French: *autre*.
    Other,
}

/// Whether a user representative must belong to an approved association.
#[uniffi::remote(Enum)]
pub enum AssociationRule {
    /// Must be a member of an approved association (*association agréée*). Wire name `approved_required`; French: *membre d'une association agréée requis*.
    ApprovedRequired,
    /// No requirement. Wire name `not_required`; French: *pas d'exigence*.
    NotRequired,
}

/// How serious a finding is.
#[uniffi::remote(Enum)]
pub enum Severity {
    /// The rule is broken: the post or mandate does not comply. Wire name `violation`; French: *non-conformité*.
    Violation,
    /// Something to look at; the post or mandate still complies. Wire name `warning`; French: *avertissement*.
    Warning,
}

/// The overall result of an evaluation.
#[uniffi::remote(Enum)]
pub enum Compliance {
    /// No finding. Wire name `compliant`; French: *conforme*.
    Compliant,
    /// Only warnings. Wire name `compliant_with_warnings`; French: *conforme avec avertissements*.
    CompliantWithWarnings,
    /// At least one violation. Wire name `non_compliant`; French: *non conforme*.
    NonCompliant,
}

/// What follows the end of a term.
#[uniffi::remote(Enum)]
pub enum NextStep {
    /// The contract was renewed. Wire name `renewed`; French: *renouvelé*.
    Renewed,
    /// A renewal is still possible. Wire name `renewal_possible`; French: *renouvellement possible*.
    RenewalPossible,
    /// No renewal remains: the post ends. Wire name `final_end`; French: *fin définitive*.
    FinalEnd,
}

/// Whether a checklist is an example or the official criteria.
#[uniffi::remote(Enum)]
pub enum ChecklistStatus {
    /// An example, not the label's criteria. Wire name `example`; French: *exemple (non officiel)*.
    Example,
    /// The official criteria, as published by the label's owner. Wire name `official`; French: *officiel*.
    Official,
}

/// Whether a criterion is met.
#[uniffi::remote(Enum)]
pub enum CriterionOutcome {
    /// Met. Wire name `met`; French: *rempli*.
    Met,
    /// Not met. Wire name `not_met`; French: *non rempli*.
    NotMet,
}

/// Whether every criterion of a checklist is met.
#[uniffi::remote(Enum)]
pub enum LabelOutcome {
    /// Every criterion is met. Wire name `all_met`; French: *tous les critères remplis*.
    AllMet,
    /// At least one is not. Wire name `not_all_met`; French: *critères non tous remplis*.
    NotAllMet,
}

/// Whether a user representative belongs to an association, and whether it is approved.
#[uniffi::remote(Enum)]
pub enum AssociationMembership {
    /// A member of an approved association (*association agréée*). Wire name `approved_association`; French: *membre d'une association agréée*.
    ApprovedAssociation,
    /// A member of an association that is not approved. Wire name `non_approved_association`; French: *membre d'une association non agréée*.
    NonApprovedAssociation,
    /// Not a member of any association. Wire name `no_association`; French: *sans association*.
    NoAssociation,
}

/// Whether a person is a patient of the establishment concerned.
#[uniffi::remote(Enum)]
pub enum PatientStatus {
    /// Not a patient of the establishment. Wire name `not_a_patient`; French: *pas patient de l'établissement*.
    NotAPatient,
    /// A patient of the establishment. Wire name `patient`; French: *patient de l'établissement*.
    Patient,
}

/// The kind of a salaried post.
#[uniffi::remote(Enum)]
pub enum PostRole {
    /// A patient partner in an oncology care team (*patient partenaire*). Wire name `patient_partner`; French: *patient partenaire*.
    PatientPartner,
    /// A parent partner in paediatric haemato-oncology (*parent partenaire*). Wire name `parent_partner`; French: *parent partenaire*.
    ParentPartner,
}

/// Where the follow-up takes place.
#[uniffi::remote(Enum)]
pub enum Setting {
    /// In the establishment. Wire name `inside_establishment`; French: *dans l'établissement*.
    InsideEstablishment,
    /// Outside the establishment (at home, in an association's premises, remotely). Wire name `outside_establishment`; French: *hors de l'établissement*.
    OutsideEstablishment,
}

/// How long the follow-up is meant to last.
#[uniffi::remote(Enum)]
pub enum FollowUp {
    /// A single meeting. Wire name `one_off`; French: *ponctuel*.
    OneOff,
    /// Several meetings over time. Wire name `long_term`; French: *au long cours*.
    LongTerm,
}

/// The status of a consent, without its date.
#[uniffi::remote(Enum)]
pub enum ConsentStatus {
    /// The patient agreed to meet a patient partner. Wire name `given`; French: *donné*.
    Given,
    /// The patient refused. Wire name `refused`; French: *refusé*.
    Refused,
    /// Nobody has asked yet. Wire name `not_asked`; French: *non recueilli*.
    NotAsked,
}

/// Where a referral stands.
#[uniffi::remote(Enum)]
pub enum ReferralState {
    /// Received, not yet given to a patient partner. Wire name `received`; French: *reçu*.
    Received,
    /// Given to a patient partner. Wire name `assigned`; French: *attribué*.
    Assigned,
    /// The follow-up has started. Wire name `in_progress`; French: *en cours*.
    InProgress,
    /// Final: the follow-up ended, with an outcome. Wire name `closed`; French: *clôturé*.
    Closed,
    /// Final: the referral was declined, with a reason. Wire name `declined`; French: *refusé*.
    Declined,
    /// Final: the referral was cancelled. Wire name `cancelled`; French: *annulé*.
    Cancelled,
}

/// The kind of a `ReferralEvent`, without its data.
#[uniffi::remote(Enum)]
pub enum ReferralEventKind {
    /// See `ReferralEvent::Assign`. Wire name `assign`; French: *attribution*.
    Assign,
    /// See `ReferralEvent::Start`. Wire name `start`; French: *début du suivi*.
    Start,
    /// See `ReferralEvent::Close`. Wire name `close`; French: *clôture*.
    Close,
    /// See `ReferralEvent::Decline`. Wire name `decline`; French: *refus*.
    Decline,
    /// See `ReferralEvent::Cancel`. Wire name `cancel`; French: *annulation*.
    Cancel,
    /// See `ReferralEvent::RecordConsent`. Wire name `record_consent`; French: *recueil du consentement*.
    RecordConsent,
}

/// Why a referral was declined.
#[uniffi::remote(Enum)]
pub enum DeclineReason {
    /// The patient did not wish to meet a patient partner. Wire name `patient_refused`; French: *refus du patient*.
    PatientRefused,
    /// The patient could not be reached. Wire name `patient_unreachable`; French: *patient injoignable*.
    PatientUnreachable,
    /// The request is outside a patient partner's remit. Wire name `out_of_scope`; French: *hors du champ du patient partenaire*.
    OutOfScope,
    /// No patient partner is available. Wire name `no_partner_available`; French: *aucun patient partenaire disponible*.
    NoPartnerAvailable,
    /// Another reason. Wire name `other`; French: *autre motif*.
    Other,
}

/// How a follow-up ended.
#[uniffi::remote(Enum)]
pub enum ReferralOutcome {
    /// The needs stated in the referral were addressed. Wire name `needs_addressed`; French: *besoins pris en compte*.
    NeedsAddressed,
    /// The patient was oriented to professionals or resources. Wire name `oriented`; French: *orienté*.
    Oriented,
    /// The patient ended the follow-up. Wire name `ended_by_patient`; French: *arrêt à la demande du patient*.
    EndedByPatient,
    /// Contact with the patient was lost. Wire name `lost_contact`; French: *perdu de vue*.
    LostContact,
    /// Another outcome. Wire name `other`; French: *autre issue*.
    Other,
}

/// A need a referral asks a patient partner to address (BRIEF §3–4: Institut Bergonié's clinical missions and the ARS Nouvelle-Aquitaine additions).
#[uniffi::remote(Enum)]
pub enum Need {
    /// Find one's way in the care pathway (*se repérer dans le parcours de soins*). Wire name `pathway_navigation`; French: *se repérer dans le parcours de soins*.
    PathwayNavigation,
    /// Identify needs and be oriented precisely towards professionals. Wire name `needs_identification`; French: *identifier les besoins et orienter*.
    NeedsIdentification,
    /// Share experience with someone who has lived it. Wire name `experience_sharing`; French: *partage d'expérience*.
    ExperienceSharing,
    /// Information on resources inside and outside the establishment. Wire name `resources_information`; French: *information sur les ressources*.
    ResourcesInformation,
    /// The effects of care on daily, family and personal life. Wire name `daily_life_effects`; French: *retentissement sur la vie quotidienne, familiale et personnelle*.
    DailyLifeEffects,
    /// Life topics the patient dares not raise with carers. Wire name `sensitive_topics`; French: *sujets de vie difficiles à aborder avec les soignants*.
    SensitiveTopics,
    /// Help with administrative and social procedures. Wire name `administrative_procedures`; French: *démarches administratives et sociales*.
    AdministrativeProcedures,
    /// Help preparing medical appointments. Wire name `appointment_preparation`; French: *préparer les consultations médicales*.
    AppointmentPreparation,
    /// Joining a support group (*groupe de parole*). Wire name `support_group`; French: *groupe de parole*.
    SupportGroup,
    /// Relational support. Wire name `relational_support`; French: *soutien relationnel*.
    RelationalSupport,
    /// Taking back power over one's life (empowerment). Wire name `empowerment`; French: *reprendre du pouvoir sur sa vie*.
    Empowerment,
}

/// The stage of the care pathway a patient is at (BRIEF §3).
#[uniffi::remote(Enum)]
pub enum PathwayStage {
    /// Around the announcement of the diagnosis. Wire name `diagnosis`; French: *diagnostic*.
    Diagnosis,
    /// Choosing between treatments. Wire name `treatment_choice`; French: *choix thérapeutiques*.
    TreatmentChoice,
    /// During treatment. Wire name `treatment`; French: *traitement*.
    Treatment,
    /// After treatment. Wire name `after_treatment`; French: *après-traitement*.
    AfterTreatment,
}

/// A resource a patient can be oriented to, inside or outside the establishment.
#[uniffi::remote(Enum)]
pub enum Resource {
    /// Supportive care (*soins de support*): pain, nutrition, physical activity, socio-aesthetics… Wire name `supportive_care`; French: *soins de support*.
    SupportiveCare,
    /// An information and meeting space for patients and relatives (*ERI*, *espace patients*). Wire name `information_space`; French: *espace d'information des patients*.
    InformationSpace,
    /// A therapeutic patient education programme (*ETP*). Wire name `therapeutic_education`; French: *éducation thérapeutique*.
    TherapeuticEducation,
    /// A support group. Wire name `support_group`; French: *groupe de parole*.
    SupportGroup,
    /// Social services and benefits. Wire name `social_services`; French: *services sociaux*.
    SocialServices,
    /// Return-to-work support. Wire name `return_to_work`; French: *accompagnement au retour à l'emploi*.
    ReturnToWork,
    /// Reliable information online or in print. Wire name `documentation`; French: *documentation*.
    Documentation,
    /// Any other resource. Wire name `other`; French: *autre*.
    Other,
}

/// The profession of a health professional (a referrer, a co-animator, an orientation).
#[uniffi::remote(Enum)]
pub enum Profession {
    /// A nurse (including coordinating and advanced-practice nurses). Wire name `nurse`; French: *infirmier·e*.
    Nurse,
    /// A medical oncologist. Wire name `oncologist`; French: *oncologue*.
    Oncologist,
    /// A surgeon. Wire name `surgeon`; French: *chirurgien·ne*.
    Surgeon,
    /// A radiotherapist (radiation oncologist). Wire name `radiotherapist`; French: *radiothérapeute*.
    Radiotherapist,
    /// A haematologist. Wire name `haematologist`; French: *hématologue*.
    Haematologist,
    /// A paediatrician (paediatric haemato-oncology). Wire name `paediatrician`; French: *pédiatre*.
    Paediatrician,
    /// A general practitioner. Wire name `general_practitioner`; French: *médecin généraliste*.
    GeneralPractitioner,
    /// A psychologist. Wire name `psychologist`; French: *psychologue*.
    Psychologist,
    /// A social worker. Wire name `social_worker`; French: *assistant·e social·e*.
    SocialWorker,
    /// A dietitian. Wire name `dietitian`; French: *diététicien·ne*.
    Dietitian,
    /// A pharmacist. Wire name `pharmacist`; French: *pharmacien·ne*.
    Pharmacist,
    /// A physiotherapist or adapted physical activity professional. Wire name `physiotherapist`; French: *kinésithérapeute*.
    Physiotherapist,
    /// A supportive or palliative care physician. Wire name `supportive_care_physician`; French: *médecin de soins de support*.
    SupportiveCarePhysician,
    /// Any other profession. Wire name `other`; French: *autre*.
    Other,
}

///
#[uniffi::remote(Enum)]
pub enum Bucket {
    ///  Wire name `month`; French: *mois*.
    Month,
    /// Calendar quarters (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec), keyed `YYYY-Qn`. Wire name `quarter`; French: *trimestre*.
    Quarter,
    /// Calendar years, keyed `YYYY`. Wire name `year`; French: *année*.
    Year,
}

///
#[uniffi::remote(Enum)]
pub enum GroupBy {
    ///  Wire name `partner`; French: *patient partenaire*.
    Partner,
    /// One table per establishment. Wire name `establishment`; French: *établissement*.
    Establishment,
    /// One table for every interview. Wire name `all`; French: *ensemble*.
    All,
}

/// What a release does with revisions (cells already published that late entries change).
#[uniffi::remote(Enum)]
pub enum Revisions {
    /// Refuse the release with `revised_cells` (the default). Wire name `refuse`; French: *refuser les révisions*.
    Refuse,
    /// Accept them and list them in the release. Wire name `accept`; French: *accepter les révisions*.
    Accept,
}

/// Which row of a group's table a ledger cell is in.
#[uniffi::remote(Enum)]
pub enum LedgerRow {
    /// A bucket's row (a month, a quarter, a year). Wire name `bucket`; French: *ligne de tranche*.
    Bucket,
    /// The totals row of the period. Wire name `totals`; French: *ligne des totaux*.
    Totals,
}

/// An indicator read from a publication's tables (the catalogue's ids).
#[uniffi::remote(Enum)]
pub enum TableIndicator {
    /// Interviews in person. Wire name `interviews_in_person`; French: *entretiens en présentiel*.
    InterviewsInPerson,
    /// Interviews by phone. Wire name `interviews_by_phone`; French: *entretiens par téléphone*.
    InterviewsByPhone,
    /// Interviews by video. Wire name `interviews_by_video`; French: *entretiens en visioconférence*.
    InterviewsByVideo,
    /// All interviews. Wire name `interviews_total`; French: *entretiens au total*.
    InterviewsTotal,
    /// Distinct patients seen. Wire name `patients_seen`; French: *patients vus*.
    PatientsSeen,
    /// New patients of the period. Wire name `new_patients`; French: *nouveaux patients*.
    NewPatients,
    /// Interviews over distinct patients. Wire name `interviews_per_patient`; French: *entretiens par patient*.
    InterviewsPerPatient,
    /// Interviews by phone or video over all interviews. Wire name `remote_share`; French: *part à distance*.
    RemoteShare,
}

///
#[uniffi::remote(Enum)]
pub enum NewPatientRule {
    ///  Wire name `first_in_period`; French: *premier entretien de la période*.
    FirstInPeriod,
    /// New only at the first interview ever (needs the history before the period). Wire name `first_ever`; French: *premier entretien*.
    FirstEver,
}

/// Whether the days of a bucket were reported (see `super::coverage`).
#[uniffi::remote(Enum)]
pub enum Reporting {
    /// Every day of the bucket was reported. Wire name `reported`; French: *renseigné*.
    Reported,
    /// Some days of the bucket lie in a declared gap: the counts are a lower bound. Wire name `partially_reported`; French: *partiellement renseigné*.
    PartiallyReported,
    /// Every day of the bucket lies in a declared gap: counts are `null` ("–"). Wire name `not_reported`; French: *non renseigné*.
    NotReported,
}

/// A count column of the report.
#[uniffi::remote(Enum)]
pub enum Column {
    /// Interviews in person. Wire name `in_person`; French: *présentiel*.
    InPerson,
    /// Interviews by phone. Wire name `phone`; French: *téléphone*.
    Phone,
    /// Interviews by video. Wire name `video`; French: *visio*.
    Video,
    /// All interviews. Wire name `total`; French: *total*.
    Total,
    /// New patients. Wire name `new_patients`; French: *nouveaux patients*.
    NewPatients,
    /// Distinct patients (of the bucket, or of the period in a totals row). Wire name `patients`; French: *patients*.
    Patients,
}

/// Any value of any vocabulary, to ask for its wire name or labels
/// (`vocabularyWireName`, `vocabularyLabelEn`, `vocabularyLabelFr`) or to
/// receive one parsed from a wire name (`parseVocabulary`). Kotlin:
/// `vocabularyLabelFr(VocabularyValue.Need(Need.SUPPORT_GROUP))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum VocabularyValue {
    /// An `ActivityCategory`.
    ActivityCategory {
        /// The value.
        value: ActivityCategory,
    },
    /// An `ActivityMeasure`.
    ActivityMeasure {
        /// The value.
        value: ActivityMeasure,
    },
    /// A `ActivityModality`.
    ActivityModality {
        /// The value.
        value: ActivityModality,
    },
    /// A `Appointer`.
    Appointer {
        /// The value.
        value: Appointer,
    },
    /// A `AssociationMembership`.
    AssociationMembership {
        /// The value.
        value: AssociationMembership,
    },
    /// A `AssociationRule`.
    AssociationRule {
        /// The value.
        value: AssociationRule,
    },
    /// A `BundleKind`.
    BundleKind {
        /// The value.
        value: BundleKind,
    },
    /// A `Bucket`.
    Bucket {
        /// The value.
        value: Bucket,
    },
    /// A `ChecklistStatus`.
    ChecklistStatus {
        /// The value.
        value: ChecklistStatus,
    },
    /// A `Column`.
    Column {
        /// The value.
        value: Column,
    },
    /// A `Compliance`.
    Compliance {
        /// The value.
        value: Compliance,
    },
    /// A `ConsentStatus`.
    ConsentStatus {
        /// The value.
        value: ConsentStatus,
    },
    /// A `CriterionOutcome`.
    CriterionOutcome {
        /// The value.
        value: CriterionOutcome,
    },
    /// A `DeclineReason`.
    DeclineReason {
        /// The value.
        value: DeclineReason,
    },
    /// A `EngagementLevel`.
    EngagementLevel {
        /// The value.
        value: EngagementLevel,
    },
    /// A `ErrorCode`.
    ErrorCode {
        /// The value.
        value: ErrorCode,
    },
    /// A `EstablishmentPatient`.
    EstablishmentPatient {
        /// The value.
        value: EstablishmentPatient,
    },
    /// A `ExtraClinicalArea`.
    ExtraClinicalArea {
        /// The value.
        value: ExtraClinicalArea,
    },
    /// A `FileFormat`.
    FileFormat {
        /// The value.
        value: FileFormat,
    },
    /// A `FollowUp`.
    FollowUp {
        /// The value.
        value: FollowUp,
    },
    /// A `GroupBy`.
    GroupBy {
        /// The value.
        value: GroupBy,
    },
    /// A `IndicatorUnit`.
    IndicatorUnit {
        /// The value.
        value: IndicatorUnit,
    },
    /// A `LabelOutcome`.
    LabelOutcome {
        /// The value.
        value: LabelOutcome,
    },
    /// A `Mission`.
    Mission {
        /// The value.
        value: Mission,
    },
    /// A `MissionCategory`.
    MissionCategory {
        /// The value.
        value: MissionCategory,
    },
    /// A `MissionFormat`.
    MissionFormat {
        /// The value.
        value: MissionFormat,
    },
    /// A `Modality`.
    Modality {
        /// The value.
        value: Modality,
    },
    /// A `Need`.
    Need {
        /// The value.
        value: Need,
    },
    /// A `NewPatientRule`.
    NewPatientRule {
        /// The value.
        value: NewPatientRule,
    },
    /// A `NextStep`.
    NextStep {
        /// The value.
        value: NextStep,
    },
    /// A `Participation`.
    Participation {
        /// The value.
        value: Participation,
    },
    /// A `PathwayStage`.
    PathwayStage {
        /// The value.
        value: PathwayStage,
    },
    /// A `PatientStatus`.
    PatientStatus {
        /// The value.
        value: PatientStatus,
    },
    /// A `PostRole`.
    PostRole {
        /// The value.
        value: PostRole,
    },
    /// A `Profession`.
    Profession {
        /// The value.
        value: Profession,
    },
    /// A `ReferralEventKind`.
    ReferralEventKind {
        /// The value.
        value: ReferralEventKind,
    },
    /// A `ReferralOutcome`.
    ReferralOutcome {
        /// The value.
        value: ReferralOutcome,
    },
    /// A `ReferralState`.
    ReferralState {
        /// The value.
        value: ReferralState,
    },
    /// A `Remuneration`.
    Remuneration {
        /// The value.
        value: Remuneration,
    },
    /// A `Reporting`.
    Reporting {
        /// The value.
        value: Reporting,
    },
    /// A `Resource`.
    Resource {
        /// The value.
        value: Resource,
    },
    /// A `Role`.
    Role {
        /// The value.
        value: Role,
    },
    /// A `RoleFit`.
    RoleFit {
        /// The value.
        value: RoleFit,
    },
    /// A `Scope`.
    Scope {
        /// The value.
        value: Scope,
    },
    /// A `Setting`.
    Setting {
        /// The value.
        value: Setting,
    },
    /// A `Severity`.
    Severity {
        /// The value.
        value: Severity,
    },
    /// A `SourceKind`.
    SourceKind {
        /// The value.
        value: SourceKind,
    },
    /// A `TermStatus`.
    TermStatus {
        /// The value.
        value: TermStatus,
    },
    /// A `TrainingKind`.
    TrainingKind {
        /// The value.
        value: TrainingKind,
    },
    /// A `TrainingRequirement`.
    TrainingRequirement {
        /// The value.
        value: TrainingRequirement,
    },
    /// A `UnknownColumns`.
    UnknownColumns {
        /// The value.
        value: UnknownColumns,
    },
}

/// The name of a vocabulary, for `parseVocabulary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum VocabularyName {
    /// `ActivityCategory`.
    ActivityCategory,
    /// `ActivityMeasure`.
    ActivityMeasure,
    /// `ActivityModality`.
    ActivityModality,
    /// `Appointer`.
    Appointer,
    /// `AssociationMembership`.
    AssociationMembership,
    /// `AssociationRule`.
    AssociationRule,
    /// `Bucket`.
    Bucket,
    /// `BundleKind`.
    BundleKind,
    /// `ChecklistStatus`.
    ChecklistStatus,
    /// `Column`.
    Column,
    /// `Compliance`.
    Compliance,
    /// `ConsentStatus`.
    ConsentStatus,
    /// `CriterionOutcome`.
    CriterionOutcome,
    /// `DeclineReason`.
    DeclineReason,
    /// `EngagementLevel`.
    EngagementLevel,
    /// `ErrorCode`.
    ErrorCode,
    /// `EstablishmentPatient`.
    EstablishmentPatient,
    /// `ExtraClinicalArea`.
    ExtraClinicalArea,
    /// `FileFormat`.
    FileFormat,
    /// `FollowUp`.
    FollowUp,
    /// `GroupBy`.
    GroupBy,
    /// `IndicatorUnit`.
    IndicatorUnit,
    /// `LabelOutcome`.
    LabelOutcome,
    /// `Mission`.
    Mission,
    /// `MissionCategory`.
    MissionCategory,
    /// `MissionFormat`.
    MissionFormat,
    /// `Modality`.
    Modality,
    /// `Need`.
    Need,
    /// `NewPatientRule`.
    NewPatientRule,
    /// `NextStep`.
    NextStep,
    /// `Participation`.
    Participation,
    /// `PathwayStage`.
    PathwayStage,
    /// `PatientStatus`.
    PatientStatus,
    /// `PostRole`.
    PostRole,
    /// `Profession`.
    Profession,
    /// `ReferralEventKind`.
    ReferralEventKind,
    /// `ReferralOutcome`.
    ReferralOutcome,
    /// `ReferralState`.
    ReferralState,
    /// `Remuneration`.
    Remuneration,
    /// `Reporting`.
    Reporting,
    /// `Resource`.
    Resource,
    /// `Role`.
    Role,
    /// `RoleFit`.
    RoleFit,
    /// `Scope`.
    Scope,
    /// `Setting`.
    Setting,
    /// `Severity`.
    Severity,
    /// `SourceKind`.
    SourceKind,
    /// `TermStatus`.
    TermStatus,
    /// `TrainingKind`.
    TrainingKind,
    /// `TrainingRequirement`.
    TrainingRequirement,
    /// `UnknownColumns`.
    UnknownColumns,
}

/// The value's wire name, English and French labels, from the core's `Vocabulary`.
fn labels(value: VocabularyValue) -> (&'static str, &'static str, &'static str) {
    fn of<V: Vocabulary>(v: &V) -> (&'static str, &'static str, &'static str) {
        (v.wire_name(), v.label_en(), v.label_fr())
    }
    match value {
        VocabularyValue::ActivityCategory { value } => of(&value),
        VocabularyValue::ActivityMeasure { value } => of(&value),
        VocabularyValue::ActivityModality { value } => of(&value),
        VocabularyValue::Appointer { value } => of(&value),
        VocabularyValue::AssociationMembership { value } => of(&value),
        VocabularyValue::AssociationRule { value } => of(&value),
        VocabularyValue::Bucket { value } => of(&value),
        VocabularyValue::BundleKind { value } => of(&value),
        VocabularyValue::ChecklistStatus { value } => of(&value),
        VocabularyValue::Column { value } => of(&value),
        VocabularyValue::Compliance { value } => of(&value),
        VocabularyValue::ConsentStatus { value } => of(&value),
        VocabularyValue::CriterionOutcome { value } => of(&value),
        VocabularyValue::DeclineReason { value } => of(&value),
        VocabularyValue::EngagementLevel { value } => of(&value),
        VocabularyValue::ErrorCode { value } => of(&value),
        VocabularyValue::EstablishmentPatient { value } => of(&value),
        VocabularyValue::ExtraClinicalArea { value } => of(&value),
        VocabularyValue::FileFormat { value } => of(&value),
        VocabularyValue::FollowUp { value } => of(&value),
        VocabularyValue::GroupBy { value } => of(&value),
        VocabularyValue::IndicatorUnit { value } => of(&value),
        VocabularyValue::LabelOutcome { value } => of(&value),
        VocabularyValue::Mission { value } => of(&value),
        VocabularyValue::MissionCategory { value } => of(&value),
        VocabularyValue::MissionFormat { value } => of(&value),
        VocabularyValue::Modality { value } => of(&value),
        VocabularyValue::Need { value } => of(&value),
        VocabularyValue::NewPatientRule { value } => of(&value),
        VocabularyValue::NextStep { value } => of(&value),
        VocabularyValue::Participation { value } => of(&value),
        VocabularyValue::PathwayStage { value } => of(&value),
        VocabularyValue::PatientStatus { value } => of(&value),
        VocabularyValue::PostRole { value } => of(&value),
        VocabularyValue::Profession { value } => of(&value),
        VocabularyValue::ReferralEventKind { value } => of(&value),
        VocabularyValue::ReferralOutcome { value } => of(&value),
        VocabularyValue::ReferralState { value } => of(&value),
        VocabularyValue::Remuneration { value } => of(&value),
        VocabularyValue::Reporting { value } => of(&value),
        VocabularyValue::Resource { value } => of(&value),
        VocabularyValue::Role { value } => of(&value),
        VocabularyValue::RoleFit { value } => of(&value),
        VocabularyValue::Scope { value } => of(&value),
        VocabularyValue::Setting { value } => of(&value),
        VocabularyValue::Severity { value } => of(&value),
        VocabularyValue::SourceKind { value } => of(&value),
        VocabularyValue::TermStatus { value } => of(&value),
        VocabularyValue::TrainingKind { value } => of(&value),
        VocabularyValue::TrainingRequirement { value } => of(&value),
        VocabularyValue::UnknownColumns { value } => of(&value),
    }
}

/// The stable wire name of a value (`support_group`): what files and documents use.
#[uniffi::export]
pub fn vocabulary_wire_name(value: VocabularyValue) -> String {
    labels(value).0.to_owned()
}

/// The English label of a value (`support group`).
#[uniffi::export]
pub fn vocabulary_label_en(value: VocabularyValue) -> String {
    labels(value).1.to_owned()
}

/// The French label of a value (`groupe de parole`), for the app's screens.
#[uniffi::export]
pub fn vocabulary_label_fr(value: VocabularyValue) -> String {
    labels(value).2.to_owned()
}

/// Reads a value of the vocabulary `name` from its wire name (core: `FromStr`); an unknown
/// name is `UnknownValue` (`unknown_value`, entity the vocabulary).
#[uniffi::export]
pub fn parse_vocabulary(name: VocabularyName, value: String) -> FfiResult<VocabularyValue> {
    fn read<V: std::str::FromStr<Err = UnknownValue>>(text: &str) -> FfiResult<V> {
        text.parse().map_err(core)
    }
    guard(|| {
        Ok(match name {
            VocabularyName::ActivityCategory => VocabularyValue::ActivityCategory {
                value: read(&value)?,
            },
            VocabularyName::ActivityMeasure => VocabularyValue::ActivityMeasure {
                value: read(&value)?,
            },
            VocabularyName::ActivityModality => VocabularyValue::ActivityModality {
                value: read(&value)?,
            },
            VocabularyName::Appointer => VocabularyValue::Appointer {
                value: read(&value)?,
            },
            VocabularyName::AssociationMembership => VocabularyValue::AssociationMembership {
                value: read(&value)?,
            },
            VocabularyName::AssociationRule => VocabularyValue::AssociationRule {
                value: read(&value)?,
            },
            VocabularyName::Bucket => VocabularyValue::Bucket {
                value: read(&value)?,
            },
            VocabularyName::BundleKind => VocabularyValue::BundleKind {
                value: read(&value)?,
            },
            VocabularyName::ChecklistStatus => VocabularyValue::ChecklistStatus {
                value: read(&value)?,
            },
            VocabularyName::Column => VocabularyValue::Column {
                value: read(&value)?,
            },
            VocabularyName::Compliance => VocabularyValue::Compliance {
                value: read(&value)?,
            },
            VocabularyName::ConsentStatus => VocabularyValue::ConsentStatus {
                value: read(&value)?,
            },
            VocabularyName::CriterionOutcome => VocabularyValue::CriterionOutcome {
                value: read(&value)?,
            },
            VocabularyName::DeclineReason => VocabularyValue::DeclineReason {
                value: read(&value)?,
            },
            VocabularyName::EngagementLevel => VocabularyValue::EngagementLevel {
                value: read(&value)?,
            },
            VocabularyName::ErrorCode => VocabularyValue::ErrorCode {
                value: read(&value)?,
            },
            VocabularyName::EstablishmentPatient => VocabularyValue::EstablishmentPatient {
                value: read(&value)?,
            },
            VocabularyName::ExtraClinicalArea => VocabularyValue::ExtraClinicalArea {
                value: read(&value)?,
            },
            VocabularyName::FileFormat => VocabularyValue::FileFormat {
                value: read(&value)?,
            },
            VocabularyName::FollowUp => VocabularyValue::FollowUp {
                value: read(&value)?,
            },
            VocabularyName::GroupBy => VocabularyValue::GroupBy {
                value: read(&value)?,
            },
            VocabularyName::IndicatorUnit => VocabularyValue::IndicatorUnit {
                value: read(&value)?,
            },
            VocabularyName::LabelOutcome => VocabularyValue::LabelOutcome {
                value: read(&value)?,
            },
            VocabularyName::Mission => VocabularyValue::Mission {
                value: read(&value)?,
            },
            VocabularyName::MissionCategory => VocabularyValue::MissionCategory {
                value: read(&value)?,
            },
            VocabularyName::MissionFormat => VocabularyValue::MissionFormat {
                value: read(&value)?,
            },
            VocabularyName::Modality => VocabularyValue::Modality {
                value: read(&value)?,
            },
            VocabularyName::Need => VocabularyValue::Need {
                value: read(&value)?,
            },
            VocabularyName::NewPatientRule => VocabularyValue::NewPatientRule {
                value: read(&value)?,
            },
            VocabularyName::NextStep => VocabularyValue::NextStep {
                value: read(&value)?,
            },
            VocabularyName::Participation => VocabularyValue::Participation {
                value: read(&value)?,
            },
            VocabularyName::PathwayStage => VocabularyValue::PathwayStage {
                value: read(&value)?,
            },
            VocabularyName::PatientStatus => VocabularyValue::PatientStatus {
                value: read(&value)?,
            },
            VocabularyName::PostRole => VocabularyValue::PostRole {
                value: read(&value)?,
            },
            VocabularyName::Profession => VocabularyValue::Profession {
                value: read(&value)?,
            },
            VocabularyName::ReferralEventKind => VocabularyValue::ReferralEventKind {
                value: read(&value)?,
            },
            VocabularyName::ReferralOutcome => VocabularyValue::ReferralOutcome {
                value: read(&value)?,
            },
            VocabularyName::ReferralState => VocabularyValue::ReferralState {
                value: read(&value)?,
            },
            VocabularyName::Remuneration => VocabularyValue::Remuneration {
                value: read(&value)?,
            },
            VocabularyName::Reporting => VocabularyValue::Reporting {
                value: read(&value)?,
            },
            VocabularyName::Resource => VocabularyValue::Resource {
                value: read(&value)?,
            },
            VocabularyName::Role => VocabularyValue::Role {
                value: read(&value)?,
            },
            VocabularyName::RoleFit => VocabularyValue::RoleFit {
                value: read(&value)?,
            },
            VocabularyName::Scope => VocabularyValue::Scope {
                value: read(&value)?,
            },
            VocabularyName::Setting => VocabularyValue::Setting {
                value: read(&value)?,
            },
            VocabularyName::Severity => VocabularyValue::Severity {
                value: read(&value)?,
            },
            VocabularyName::SourceKind => VocabularyValue::SourceKind {
                value: read(&value)?,
            },
            VocabularyName::TermStatus => VocabularyValue::TermStatus {
                value: read(&value)?,
            },
            VocabularyName::TrainingKind => VocabularyValue::TrainingKind {
                value: read(&value)?,
            },
            VocabularyName::TrainingRequirement => VocabularyValue::TrainingRequirement {
                value: read(&value)?,
            },
            VocabularyName::UnknownColumns => VocabularyValue::UnknownColumns {
                value: read(&value)?,
            },
        })
    })
}
