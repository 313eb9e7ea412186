package org.patientpartner.example

import kotlinx.coroutines.runBlocking
import org.patientpartner.ActivityId
import org.patientpartner.ActivityModality
import org.patientpartner.Consent
import org.patientpartner.DeclineReason
import org.patientpartner.EstablishmentId
import org.patientpartner.Interview
import org.patientpartner.InterviewId
import org.patientpartner.Journal
import org.patientpartner.Mission
import org.patientpartner.Modality
import org.patientpartner.Need
import org.patientpartner.Orientation
import org.patientpartner.PartnerId
import org.patientpartner.PathwayStage
import org.patientpartner.PatientId
import org.patientpartner.PatientPartnerException
import org.patientpartner.Period
import org.patientpartner.Profession
import org.patientpartner.ProfessionalId
import org.patientpartner.Referral
import org.patientpartner.ReferralEvent
import org.patientpartner.ReferralId
import org.patientpartner.ReferralOutcome
import org.patientpartner.ReferralSource
import org.patientpartner.Resource
import org.patientpartner.VocabularyValue
import org.patientpartner.Activity
import org.patientpartner.defaultReportRequest
import org.patientpartner.vocabularyLabelFr
import java.time.LocalDate

/**
 * The partners' app's core flow, as an app writes it: typed values only, no JSON, no
 * wire-name string. A nurse refers a patient (needs, consent) → assigned → started → two
 * interviews, one by video → closed with orientations; a second referral declined; a support
 * group and a training session; the month's table, computed off the calling thread.
 */
fun main() {
    val day = { d: Int -> LocalDate.of(2023, 1, d) }
    val partner = PartnerId("PP-007")
    val establishment = EstablishmentId("EST-01")
    Journal().use { journal ->
        val referral = Referral(
            id = ReferralId("REF-1"), patient = PatientId("PAT-0001"), received = day(3),
            source = ReferralSource.CareTeam(Profession.NURSE, ProfessionalId("PRO-12")),
            needs = listOf(Need.EXPERIENCE_SHARING, Need.DAILY_LIFE_EFFECTS), stage = PathwayStage.TREATMENT,
            consent = Consent.Given(day(3)), establishment = establishment,
        )
        journal.addReferral(referral)
        println("${referral.id.value}: ${journal.apply(referral.id, day(4), ReferralEvent.Assign(partner))}")
        println("${referral.id.value}: ${journal.apply(referral.id, day(5), ReferralEvent.Start)}")
        for ((d, modality) in listOf(5 to Modality.IN_PERSON, 19 to Modality.VIDEO)) {
            journal.addInterview(Interview(id = InterviewId("INT-$d"), date = day(d), partner = partner,
                patient = referral.patient, modality = modality, referral = referral.id, durationMinutes = 45,
                establishment = establishment))
        }
        val closed = journal.apply(referral.id, day(26), ReferralEvent.Close(ReferralOutcome.ORIENTED,
            listOf(Orientation.Professional(Profession.PSYCHOLOGIST), Orientation.Resource(Resource.SUPPORTIVE_CARE))))
        println("${referral.id.value}: $closed")

        val declined = referral.copy(id = ReferralId("REF-2"), patient = PatientId("PAT-0002"), consent = Consent.NotAsked)
        journal.addReferral(declined)
        println("${declined.id.value}: ${journal.apply(declined.id, day(6), ReferralEvent.Decline(DeclineReason.PATIENT_REFUSED))}")

        journal.addActivity(Activity(id = ActivityId("ACT-1"), date = day(12), partner = partner,
            mission = Mission.SUPPORT_GROUP, modality = ActivityModality.HYBRID, durationMinutes = 90,
            participants = 8, establishment = establishment))
        journal.addActivity(Activity(id = ActivityId("ACT-2"), date = day(20), partner = partner,
            mission = Mission.PROFESSIONAL_TRAINING, modality = ActivityModality.IN_PERSON,
            durationMinutes = 120, participants = 15))
        for (a in journal.activities()) {
            println("${a.id.value}: ${vocabularyLabelFr(VocabularyValue.Mission(a.mission))}, ${a.participants} participants")
        }

        // The app refuses nothing itself: the rules answer, in French for the screen.
        try {
            journal.apply(referral.id, day(27), ReferralEvent.Start)
        } catch (e: PatientPartnerException) {
            println("refused: ${e.details().messageFr}")
        }

        val report = runBlocking { journal.activityReportAsync(defaultReportRequest(Period(day(1), day(31)))) }
        for (row in report.rows) {
            println("${row.groupTitle} ${row.bucket}: in person ${row.inPerson}, phone ${row.phone}, " +
                "video ${row.video}, total ${row.total}, new patients ${row.newPatients}, patients ${row.patients}")
            // The month's activities beside the interviews, by category (zeros left out here).
            for (a in row.activities.filter { it.activities != 0L }) {
                println("  ${vocabularyLabelFr(VocabularyValue.ActivityCategory(a.category))}: " +
                    "${a.activities} activities, ${a.minutes} min, ${a.participants} participants")
            }
        }
    }
}
