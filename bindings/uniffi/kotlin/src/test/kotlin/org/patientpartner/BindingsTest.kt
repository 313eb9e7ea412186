package org.patientpartner

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** Kotlin-specific behaviour: exceptions with context, threads, dates, panics. */
class BindingsTest {

    private fun interview(id: String?, date: LocalDate, patient: String = "PAT-0001", modality: Modality = Modality.PHONE) =
        Interview(id = id, date = date, partner = "PP-001", patient = patient, modality = modality,
            referral = null, durationMinutes = 45u, establishment = null)

    // ---- exceptions: one subclass per category, with kind and context ----

    @Test
    fun `an invalid id is an InvalidId exception naming the id type`() {
        val e = assertThrows<PatientPartnerException.InvalidId> { parseId(IdType.PATIENT, "   ") }
        assertEquals("empty_id", e.kind)
        assertEquals("PatientId", e.entity)
        assertNull(e.line)
        assertTrue(e.message!!.contains("kind=empty_id"), e.message)
    }

    @Test
    fun `an unknown modality is an UnknownValue exception naming the vocabulary`() {
        val e = assertThrows<PatientPartnerException.UnknownValue> { parseModality("fax") }
        assertEquals("unknown_value", e.kind)
        assertEquals("Modality", e.entity)
        assertEquals(Modality.VIDEO, parseModality("Visio"))
        assertEquals("téléphone", modalityLabelFr(Modality.PHONE))
    }

    @Test
    fun `a bad CSV row is an Import exception with its line and column`() {
        val csv = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n2023-01-10,PP-A,PAT-2,fax\n"
        val e = assertThrows<PatientPartnerException.Import> { readInterviewsCsv(csv) }
        assertEquals("invalid_modality", e.kind)
        assertEquals("modality", e.field)
        assertEquals(3uL, e.line)
        assertEquals(4uL, e.column)
    }

    @Test
    fun `an impossible history is a Journal exception and changes nothing`() {
        Journal().use { journal ->
            journal.addInterview(interview("INT-1", LocalDate.of(2023, 1, 9)))
            val e = assertThrows<PatientPartnerException.Journal> {
                journal.addInterview(interview("INT-1", LocalDate.of(2023, 1, 10)))
            }
            assertEquals("duplicate_id", e.kind)
            assertEquals("INT-1", e.entity)
            assertEquals(1uL, journal.summary().interviews)
        }
    }

    @Test
    fun `an interview of 0 minutes is an Interview exception, checked by the core's rule`() {
        val zero = interview("INT-0", LocalDate.of(2023, 1, 9)).copy(durationMinutes = 0u)
        val e = assertThrows<PatientPartnerException.Interview> {
            activityReport(listOf(zero), Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31)),
                GroupBy.PARTNER, Bucket.MONTH, NewPatientRule.FIRST_IN_PERIOD)
        }
        assertEquals("zero_duration", e.kind)
        assertEquals("INT-0", e.entity)
        assertEquals("duration_minutes", e.field)
    }

    @Test
    fun `a reversed period is a Report exception`() {
        val e = assertThrows<PatientPartnerException.Report> {
            activityReport(emptyList(), Period(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 1, 31)),
                GroupBy.PARTNER, Bucket.MONTH, NewPatientRule.FIRST_IN_PERIOD)
        }
        assertEquals("invalid_period", e.kind)
        assertEquals("Period", e.entity)
        assertEquals("end", e.field)
    }

    @Test
    fun `no period means the first to the last interview, as in the CLI and Python`() {
        val log = listOf(
            interview("INT-2", LocalDate.of(2023, 3, 14)),
            interview("INT-1", LocalDate.of(2023, 1, 9), patient = "PAT-0002"),
        )
        val report = activityReport(log, null, GroupBy.ALL, Bucket.MONTH, NewPatientRule.FIRST_IN_PERIOD)
        assertEquals(Period(LocalDate.of(2023, 1, 9), LocalDate.of(2023, 3, 14)), report.period)
        assertEquals(3, report.rows.size)
        val e = assertThrows<PatientPartnerException.Report> {
            activityReport(emptyList(), null, GroupBy.ALL, Bucket.MONTH, NewPatientRule.FIRST_IN_PERIOD)
        }
        assertEquals("no_period", e.kind)
        assertEquals("Period", e.entity)
    }

    @Test
    fun `a refused referral transition is a Referral exception`() {
        val e = assertThrows<PatientPartnerException.Referral> {
            referralNextState("received", """{"kind": "assign", "partner": "PP-001"}""", null)
        }
        assertEquals("consent_required", e.kind)
        assertEquals("consent", e.field)
    }

    @Test
    fun `JSON of the wrong shape is an InvalidArgument exception`() {
        val e = assertThrows<PatientPartnerException.InvalidArgument> {
            referralNextState("received", """{"kind": "teleport"}""", null)
        }
        assertEquals("invalid_json", e.kind)
        assertEquals("event", e.field)
    }

    @Test
    fun `a Rust panic arrives as a typed Internal exception and the library keeps working`() {
        val e = assertThrows<PatientPartnerException.Internal> { diagnosticsTriggerPanic("deliberate") }
        assertEquals("panic", e.kind)
        assertEquals("deliberate", e.reason)
        assertEquals("PAT-7", parseId(IdType.PATIENT, " PAT-7 "))
    }

    @Test
    fun `every exception is a subclass of the one sealed class`() {
        val caught: PatientPartnerException = assertThrows { parseId(IdType.REFERRAL, "x".repeat(10_000)) }
        assertTrue(caught is PatientPartnerException.InvalidId)
        assertEquals("id_too_long", ErrorDetails.of(caught).kind)
    }

    // ---- dates: java.time.LocalDate both ways ----

    @Test
    fun `dates round trip as LocalDate, leap day included`() {
        val leap = LocalDate.of(2024, 2, 29)
        val json = interviewsToJson(listOf(interview(null, leap)))
        assertEquals("2024-02-29", org.json.JSONArray(json).getJSONObject(0).getString("date"))
        assertEquals(leap, interviewsFromJson(json).single().date)
        val fromCsv = readInterviewsCsv("date,partner,patient,modality\n29/02/2024,PP-001,PAT-0001,téléphone\n")
        assertEquals(leap, fromCsv.single().date)
        assertEquals(Modality.PHONE, fromCsv.single().modality)
        val year = periodOfYear(2024)
        assertEquals(LocalDate.of(2024, 1, 1), year.start)
        assertEquals(LocalDate.of(2024, 12, 31), year.end)
    }

    @Test
    fun `the 29th of February of a common year is refused by the importer`() {
        val e = assertThrows<PatientPartnerException.Import> {
            readInterviewsCsv("date,partner,patient,modality\n29/02/2023,PP-001,PAT-0001,phone\n")
        }
        assertEquals(2uL, e.line)
        assertEquals(1uL, e.column)
    }

    @Test
    fun `a leap-day interview is counted in February`() {
        val report = activityReport(listOf(interview(null, LocalDate.of(2024, 2, 29), modality = Modality.VIDEO)),
            Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)), GroupBy.PARTNER, Bucket.MONTH,
            NewPatientRule.FIRST_IN_PERIOD)
        val feb = report.rows.single { it.bucket == "2024-02" }
        assertEquals(LocalDate.of(2024, 2, 29), feb.end)
        assertEquals(1uL, feb.video)
        assertEquals(1uL, report.totals.single().patients)
    }

    // ---- threads: one journal shared by many ----

    @Test
    fun `one journal is safe to share between threads`() {
        val threads = 8
        val perThread = 50
        val pool = Executors.newFixedThreadPool(threads)
        val start = CountDownLatch(1)
        val refused = Collections.synchronizedList(mutableListOf<String>())
        Journal().use { journal ->
            journal.addInterview(interview("INT-SEED", LocalDate.of(2022, 12, 31)))
            val jobs = (0 until threads).map { t ->
                pool.submit {
                    start.await()
                    for (i in 0 until perThread) {
                        val day = LocalDate.of(2023, 1, 1).plusDays(i.toLong())
                        journal.addInterview(interview("INT-$t-$i", day, patient = "PAT-$t"))
                        journal.summary() // concurrent reads
                        if (i == 0) {
                            // a duplicate from every thread: refused every time, changing nothing
                            try {
                                journal.addInterview(interview("INT-SEED", day))
                            } catch (e: PatientPartnerException.Journal) {
                                refused.add(e.kind)
                            }
                        }
                    }
                }
            }
            start.countDown()
            jobs.forEach { it.get(60, TimeUnit.SECONDS) }
            pool.shutdown()
            assertEquals((threads * perThread + 1).toULong(), journal.summary().interviews)
            assertEquals(threads * perThread + 1, journal.interviews().map { it.id }.toSet().size)
            assertEquals(List(threads) { "duplicate_id" }, refused.toList())
        }
    }

    // ---- the README's Kotlin quick start, as written there ----

    @Test
    fun `the README quick start does what it says`() {
        val log = java.io.File(VectorsTest.repoRoot, "examples/data/interviews_2023.csv")
        val interviews = readInterviewsCsv(log.readText())
        val report = activityReport(
            interviews, Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
            GroupBy.PARTNER, Bucket.MONTH, NewPatientRule.FIRST_IN_PERIOD,
        )
        assertEquals(listOf("PP-A", "PP-B"), report.totals.map { it.group })
        Policy.builtin().use { policy ->
            val split = policy.cofinancingSplit("patient_partner", ftePermille = 600, payCents = 2_400_000)
            assertEquals(listOf(1_000_000L, 400_000L), listOf(split.agencyCents, split.outsideProgrammeCents))
        }
        Journal().use { journal ->
            val e = assertThrows<PatientPartnerException.Journal> {
                journal.addInterview(Interview(id = "INT-1", date = LocalDate.of(2024, 2, 29),
                    partner = "PP-001", patient = "PAT-0001", modality = Modality.PHONE,
                    referral = "REF-404", durationMinutes = 30u, establishment = null))
            }
            assertEquals(listOf("unknown_referral", "INT-1", "referral"), listOf(e.kind, e.entity, e.field))
        }
    }

    // ---- programme rules: every finding, typed, bilingual ----

    @Test
    fun `a post evaluation returns every finding with bilingual messages`() {
        val post = """{"id": "POST-1", "establishment": "EST-01", "partner": "PP-001", "role": "patient_partner",
            "start": "2023-01-01", "end": "2026-06-30", "fte_permille": 600, "gross_annual_pay_cents": 2400000}"""
        val evaluation = Policy.builtin().use { it.evaluatePost(post) }
        assertEquals("POST-1", evaluation.subject)
        assertEquals("non_compliant", evaluation.compliance)
        val ids = evaluation.findings.map { it.ruleId }
        assertTrue(ids.containsAll(listOf("post.max_fte", "post.term_too_long")), ids.toString())
        assertTrue(evaluation.findings.all { it.messageEn.isNotBlank() && it.messageFr.isNotBlank() })
        assertEquals("600", evaluation.findings.first { it.ruleId == "post.max_fte" }.facts["fte_permille"])
        val bad = assertThrows<PatientPartnerException.Policy> {
            Policy.builtin().use { it.evaluatePost(post.replace("\"fte_permille\": 600", "\"fte_permille\": 0")) }
        }
        assertEquals("invalid_fte", bad.kind)
        assertEquals("POST-1", bad.entity)
        assertEquals("fte_permille", bad.field)
    }

    // ---- the typed report ----

    @Test
    fun `the typed report matches the core's JSON`() {
        val interviews = listOf(
            interview(null, LocalDate.of(2023, 1, 9), "PAT-1", Modality.IN_PERSON),
            interview(null, LocalDate.of(2023, 1, 20), "PAT-1", Modality.PHONE),
            interview(null, LocalDate.of(2023, 2, 3), "PAT-2", Modality.VIDEO),
        )
        val request = """{"period": {"start": "2023-01-01", "end": "2023-03-31"}}"""
        val typed = activityReportForRequest(interviews, request)
        val json = JSONObject(activityReportJson(interviews, request))
        assertEquals(json.getJSONArray("rows").length(), typed.rows.size)
        assertEquals(3uL, typed.totals.single().total)
        assertEquals(json.getJSONArray("totals").getJSONObject(0).getLong("patients").toULong(), typed.totals.single().patients)
        assertEquals("PP-001", typed.totals.single().group)
        assertTrue(activityReportTable(interviews, request).contains("PP-001"))
        assertTrue(activityReportCsv(interviews, request).lines().any { it.contains("PP-001") && it.contains("2023-02") })
    }
}
