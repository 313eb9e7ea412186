package org.patientpartner

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import java.time.LocalDate

/**
 * The partners' app's core flow, through the typed API only: no JSON text, no wire-name
 * string. A nurse's referral with needs and consent → assigned → started → two interviews
 * (one by video) → closed with an orientation; a declined referral; a support group and a
 * training session; the month's table from the journal.
 */
class AppFlowTest {
    private val jan = { day: Int -> LocalDate.of(2023, 1, day) }
    private val partner = PartnerId("PP-007")
    private val establishment = EstablishmentId("EST-01")

    private fun nurseReferral(id: String, patient: String, consent: Consent) = Referral(
        id = ReferralId(id),
        patient = PatientId(patient),
        received = jan(3),
        source = ReferralSource.CareTeam(profession = Profession.NURSE, professional = ProfessionalId("PRO-12")),
        needs = listOf(Need.EXPERIENCE_SHARING, Need.DAILY_LIFE_EFFECTS),
        stage = PathwayStage.TREATMENT,
        consent = consent,
        establishment = establishment,
    )

    @Test
    fun `the app flow runs end to end on typed values`() {
        Journal().use { journal ->
            // A nurse refers a patient who consented on the day.
            val referral = nurseReferral("REF-1", "PAT-0001", Consent.Given(jan(3)))
            journal.addReferral(referral)
            assertEquals(ReferralState.RECEIVED, journal.stateOf(referral.id))

            // Assigned, started, two interviews (one by video), closed with an orientation.
            assertEquals(ReferralState.ASSIGNED, journal.apply(referral.id, jan(4), ReferralEvent.Assign(partner)))
            assertEquals(ReferralState.IN_PROGRESS, journal.apply(referral.id, jan(5), ReferralEvent.Start))
            for ((day, modality) in listOf(5 to Modality.IN_PERSON, 19 to Modality.VIDEO)) {
                journal.addInterview(Interview(id = InterviewId("INT-$day"), date = jan(day), partner = partner,
                    patient = referral.patient, modality = modality, referral = referral.id,
                    durationMinutes = 45, establishment = establishment))
            }
            val close = ReferralEvent.Close(ReferralOutcome.ORIENTED,
                listOf(Orientation.Professional(Profession.PSYCHOLOGIST), Orientation.Resource(Resource.SUPPORTIVE_CARE)))
            assertEquals(ReferralState.CLOSED, journal.apply(referral.id, jan(26), close))

            // A second patient declines.
            val declined = nurseReferral("REF-2", "PAT-0002", Consent.NotAsked)
            journal.addReferral(declined)
            assertEquals(ReferralState.DECLINED,
                journal.apply(declined.id, jan(6), ReferralEvent.Decline(DeclineReason.PATIENT_REFUSED)))

            // A support group and a training session.
            journal.addActivity(Activity(id = ActivityId("ACT-1"), date = jan(12), partner = partner,
                mission = Mission.SUPPORT_GROUP, modality = ActivityModality.HYBRID, durationMinutes = 90,
                participants = 8, establishment = establishment))
            journal.addActivity(Activity(id = ActivityId("ACT-2"), date = jan(20), partner = partner,
                mission = Mission.PROFESSIONAL_TRAINING, modality = ActivityModality.IN_PERSON,
                durationMinutes = 120, participants = 15))

            // What the app reads back is typed too.
            assertEquals(listOf(referral, declined), journal.referrals())
            val history = journal.history(referral.id)!!
            assertEquals(listOf(jan(4), jan(5), jan(26)), history.map { it.date })
            assertEquals(close, history.last().event)
            val status = journal.referralStatus(referral.id)!!
            assertEquals(partner, status.partner)
            assertEquals(Consent.Given(jan(3)), status.consent)
            assertEquals(listOf(Mission.SUPPORT_GROUP, Mission.PROFESSIONAL_TRAINING), journal.activities().map { it.mission })
            val summary = journal.summary()
            assertEquals(mapOf(ReferralState.CLOSED to 1L, ReferralState.DECLINED to 1L), summary.stateCounts)
            assertEquals(ReferralState.CLOSED, summary.referralStates[referral.id])

            // The month's table, from the journal itself.
            val report = journal.activityReport(defaultReportRequest(Period(jan(1), jan(31))))
            assertEquals(GroupBy.PARTNER, report.groupBy)
            assertEquals(Bucket.MONTH, report.bucket)
            val row = report.rows.single()
            assertEquals(Reporting.REPORTED, row.reporting)
            assertEquals(listOf(1L, 1L, 2L, 1L), listOf(row.inPerson, row.video, row.total, row.newPatients))
            // both interviews with the one referred patient: one distinct patient in January
            assertEquals(1L, row.patients)
            assertEquals(partner.value, row.group)
            // ... and the month's activities beside the interviews, by category.
            assertEquals(ActivityCategory.entries.toList(), row.activities.map { it.category })
            val groups = row.activities.first { it.category == ActivityCategory.CLINICAL_GROUPS }
            assertEquals(listOf(1L, 90L, 8L), listOf(groups.activities, groups.minutes, groups.participants))
            val training = report.totals.single().activities.first { it.category == ActivityCategory.TRAINING }
            assertEquals(listOf(1L, 120L, 15L), listOf(training.activities, training.minutes, training.participants))
            assertEquals(0L, row.activities.first { it.category == ActivityCategory.GOVERNANCE }.activities)
            // A list of interviews alone has no activity columns; with the journal's activities it has.
            val fromLists = activityReport(journal.interviews(), defaultReportRequest(Period(jan(1), jan(31))))
            assertTrue(fromLists.rows.single().activities.isEmpty())
            assertEquals(report, activityReport(journal.interviews(), defaultReportRequest(Period(jan(1), jan(31))),
                journal.activities()))

            // The partner's post, checked against the programme's rules.
            val post = Post(id = PostId("POST-7"), establishment = establishment, partner = partner,
                role = PostRole.PATIENT_PARTNER, start = LocalDate.of(2022, 9, 1), end = LocalDate.of(2025, 8, 31),
                ftePermille = 500, grossAnnualPayCents = 2_200_000,
                trainings = listOf(TrainingRecord("ars_na_programme_training", LocalDate.of(2022, 6, 30))))
            val evaluation = Policy.builtin().use { it.evaluatePost(post) }
            assertEquals(Compliance.COMPLIANT, evaluation.compliance, evaluation.findings.toString())

            // The same table, computed off the caller's thread (a suspend function).
            val async = runBlocking { journal.activityReportAsync(defaultReportRequest(Period(jan(1), jan(31)))) }
            assertEquals(report, async)
        }
    }

    @Test
    fun `a suspend report runs while the caller's thread stays free, and fails typed`() {
        val log = (1..28).map { day ->
            Interview(date = jan(day), partner = partner, patient = PatientId("PAT-$day"), modality = Modality.PHONE)
        }
        val report = runBlocking {
            val pending = async { activityReportAsync(log, defaultReportRequest(null)) }
            // The coroutine that waits is suspended: others on the same thread go on.
            val other = async { "free" }
            assertEquals("free", other.await())
            pending.await()
        }
        assertEquals(28L, report.totals.single().total)
        val e = assertThrows<PatientPartnerException.Report> {
            runBlocking { activityReportAsync(emptyList(), defaultReportRequest(null)) }
        }
        assertEquals(ErrorCode.NO_PERIOD, e.details.kind)
    }

    @Test
    fun `the rules refuse what the app must not do, with typed errors`() {
        Journal().use { journal ->
            val referral = nurseReferral("REF-3", "PAT-0003", Consent.NotAsked)
            journal.addReferral(referral)
            val noConsent = assertThrows<PatientPartnerException.Referral> {
                journal.apply(referral.id, jan(4), ReferralEvent.Assign(partner))
            }
            assertEquals(ErrorCode.CONSENT_REQUIRED, noConsent.details.kind)
            assertEquals("REF-3 (consent) : consentement requis", noConsent.details.messageFr)
            // The same rule is the same family from the lifecycle function.
            val direct = assertThrows<PatientPartnerException.Referral> {
                referralNextState(ReferralState.RECEIVED, ReferralEvent.Assign(partner), Consent.NotAsked)
            }
            assertEquals(ErrorCode.CONSENT_REQUIRED, direct.details.kind)
            assertEquals(ReferralState.RECEIVED, journal.stateOf(referral.id))
            assertNull(journal.stateOf(ReferralId("REF-404")))
            assertNull(journal.history(ReferralId("REF-404")))

            // A support group without its participants is refused by the core's activity rule.
            val group = assertThrows<PatientPartnerException> {
                journal.addActivity(Activity(id = ActivityId("ACT-9"), date = jan(12), partner = partner,
                    mission = Mission.SUPPORT_GROUP, modality = ActivityModality.IN_PERSON, durationMinutes = 90))
            }
            assertEquals("participants_required", group.details().code)
            // A negative count cannot reach the core.
            val negative = assertThrows<PatientPartnerException.InvalidArgument> {
                journal.addActivity(Activity(id = ActivityId("ACT-8"), date = jan(12), partner = partner,
                    mission = Mission.MEDIA, modality = ActivityModality.VIDEO, durationMinutes = -5))
            }
            assertEquals(listOf("integer_out_of_range", "ACT-8", "duration_minutes"),
                listOf(negative.details.code, negative.details.entity, negative.details.field))
            assertTrue(journal.activities().isEmpty())
        }
    }

    @Test
    fun `ids are validated when they reach Rust and come back canonical`() {
        Journal().use { journal ->
            val blank = assertThrows<PatientPartnerException.InvalidId> { journal.stateOf(ReferralId("   ")) }
            assertEquals("empty_id", blank.details.code)
            val long = assertThrows<PatientPartnerException.InvalidId> {
                journal.addReferral(nurseReferral("R".repeat(65), "PAT-1", Consent.NotAsked))
            }
            assertEquals("id_too_long", long.details.code)
            journal.addReferral(nurseReferral(" REF-5 ", "PAT-5", Consent.NotAsked))
            assertEquals(ReferralId("REF-5"), journal.referrals().single().id)
        }
    }
}
