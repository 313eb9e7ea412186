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
        Interview(id = id?.let(::InterviewId), date = date, partner = PartnerId("PP-001"), patient = PatientId(patient),
            modality = modality, durationMinutes = 45)

    private fun request(period: Period?, groupBy: GroupBy = GroupBy.PARTNER) =
        defaultReportRequest(period).copy(groupBy = groupBy)

    // ---- exceptions: one subclass per category, with kind and context ----

    @Test
    fun `an invalid id is an InvalidId exception naming the id type`() {
        val e = assertThrows<PatientPartnerException.InvalidId> { parseId(IdType.PATIENT, "   ") }
        assertEquals("empty_id", e.details.code)
        assertEquals("PatientId", e.details.entity)
        assertNull(e.details.line)
        assertEquals(ErrorCode.EMPTY_ID, e.details.kind)
        assertEquals("PatientId: empty identifier [empty_id]", e.toString())
        assertEquals("PatientId : identifiant vide", e.details.messageFr)
    }

    @Test
    fun `an unknown modality is an UnknownValue exception naming the vocabulary`() {
        val e = assertThrows<PatientPartnerException.UnknownValue> { parseModality("fax") }
        assertEquals("unknown_value", e.details.code)
        assertEquals("Modality", e.details.entity)
        assertEquals(Modality.VIDEO, parseModality("Visio"))
        assertEquals("téléphone", modalityLabelFr(Modality.PHONE))
    }

    @Test
    fun `a bad CSV row is an Import exception with its line and column`() {
        val csv = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n2023-01-10,PP-A,PAT-2,fax\n"
        val e = assertThrows<PatientPartnerException.Import> { readInterviewsCsv(csv) }
        assertEquals("invalid_modality", e.details.code)
        assertEquals("modality", e.details.field)
        assertEquals(3L, e.details.line)
        assertEquals(4L, e.details.column)
    }

    @Test
    fun `error messages meant for logs quote no value of the input, in English and French`() {
        val csv = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-SECRET-1,fax\n"
        val e = assertThrows<PatientPartnerException.Import> { readInterviewsCsv(csv) }
        val d = e.details()  // the same record from the base class, whatever the family
        assertEquals(e.details, d)
        assertEquals(ErrorCode.INVALID_MODALITY, d.kind)
        assertEquals("line 2, column 4 (modality): invalid modality", d.message)
        assertEquals("ligne 2, colonne 4 (modality) : modalité invalide", d.messageFr)
        assertTrue(d.detail.contains("fax"), d.detail)  // the detail names the value, for the user
        for (text in listOf(d.message, d.messageFr, e.message!!, e.toString())) {
            assertTrue(!text.contains("fax") && !text.contains("PAT-SECRET"), text)
        }
    }

    @Test
    fun `an impossible history is a Journal exception and changes nothing`() {
        Journal().use { journal ->
            journal.addInterview(interview("INT-1", LocalDate.of(2023, 1, 9)))
            val e = assertThrows<PatientPartnerException.Journal> {
                journal.addInterview(interview("INT-1", LocalDate.of(2023, 1, 10)))
            }
            assertEquals("duplicate_id", e.details.code)
            assertEquals("INT-1", e.details.entity)
            assertEquals(1L, journal.summary().interviews)
        }
    }

    @Test
    fun `an interview of 0 minutes is an Interview exception, checked by the core's rule`() {
        val zero = interview("INT-0", LocalDate.of(2023, 1, 9)).copy(durationMinutes = 0)
        val e = assertThrows<PatientPartnerException.Interview> {
            activityReport(listOf(zero), request(Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31))))
        }
        assertEquals("zero_duration", e.details.code)
        assertEquals("INT-0", e.details.entity)
        assertEquals("duration_minutes", e.details.field)
    }

    @Test
    fun `a reversed period is a Report exception`() {
        val e = assertThrows<PatientPartnerException.Report> {
            activityReport(emptyList(), request(Period(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 1, 31))))
        }
        assertEquals("invalid_period", e.details.code)
        assertEquals("Period", e.details.entity)
        assertEquals("end", e.details.field)
    }

    @Test
    fun `no period means the first to the last interview, as in the CLI and Python`() {
        val log = listOf(
            interview("INT-2", LocalDate.of(2023, 3, 14)),
            interview("INT-1", LocalDate.of(2023, 1, 9), patient = "PAT-0002"),
        )
        val report = activityReport(log, request(null, GroupBy.ALL))
        assertEquals(Period(LocalDate.of(2023, 1, 9), LocalDate.of(2023, 3, 14)), report.period)
        assertEquals(3, report.rows.size)
        val e = assertThrows<PatientPartnerException.Report> {
            activityReport(emptyList(), request(null, GroupBy.ALL))
        }
        assertEquals("no_period", e.details.code)
        assertEquals("Period", e.details.entity)
    }

    @Test
    fun `a refused referral transition is a Referral exception`() {
        val e = assertThrows<PatientPartnerException.Referral> {
            referralNextState(ReferralState.RECEIVED, ReferralEvent.Assign(PartnerId("PP-001")), Consent.NotAsked)
        }
        assertEquals("consent_required", e.details.code)
        assertEquals("consent", e.details.field)
    }

    @Test
    fun `JSON of the wrong shape is an InvalidArgument exception`() {
        val e = assertThrows<PatientPartnerException.InvalidArgument> {
            referralEventFromJson("""{"kind": "teleport"}""")
        }
        assertEquals("invalid_json", e.details.code)
        assertEquals("event", e.details.field)
    }

    @Test
    fun `a Rust panic arrives as a typed Internal exception and the library keeps working`() {
        val e = assertThrows<PatientPartnerException.Internal> { diagnosticsTriggerPanic("deliberate") }
        assertEquals("panic", e.details.code)
        assertEquals("deliberate", e.details.detail)
        assertEquals("PAT-7", parseId(IdType.PATIENT, " PAT-7 "))
    }

    @Test
    fun `every exception is a subclass of the one sealed class`() {
        val caught: PatientPartnerException = assertThrows { parseId(IdType.REFERRAL, "x".repeat(10_000)) }
        assertTrue(caught is PatientPartnerException.InvalidId)
        assertEquals("id_too_long", caught.details().code)
    }

    // ---- vocabularies: enums, with their labels at run time ----

    @Test
    fun `every vocabulary value has its wire name and labels, and wire names parse back`() {
        assertEquals("groupe de parole", vocabularyLabelFr(VocabularyValue.Mission(Mission.SUPPORT_GROUP)))
        assertEquals("support_group", vocabularyWireName(VocabularyValue.Need(Need.SUPPORT_GROUP)))
        for (need in Need.entries) {
            val value = VocabularyValue.Need(need)
            assertEquals(value, parseVocabulary(VocabularyName.NEED, vocabularyWireName(value)))
            assertTrue(vocabularyLabelFr(value).isNotBlank() && vocabularyLabelEn(value).isNotBlank())
        }
        val e = assertThrows<PatientPartnerException.UnknownValue> { parseVocabulary(VocabularyName.REFERRAL_STATE, "canceled") }
        assertEquals(ErrorCode.UNKNOWN_VALUE, e.details.kind)
        val c = RoleCatalogue.builtin().use { it.classify(Mission.PATHWAY_REDESIGN, null, Role.SALARIED_PATIENT_PARTNER) }
        assertEquals(Scope.MESO, c.scope)
        assertEquals(MissionCategory.EXTRA_CLINICAL, missionProfile(Mission.PATHWAY_REDESIGN).category)
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
        assertEquals(2L, e.details.line)
        assertEquals(1L, e.details.column)
    }

    @Test
    fun `a leap-day interview is counted in February`() {
        val report = activityReport(listOf(interview(null, LocalDate.of(2024, 2, 29), modality = Modality.VIDEO)),
            request(Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31))))
        val feb = report.rows.single { it.bucket == "2024-02" }
        assertEquals(LocalDate.of(2024, 2, 29), feb.end)
        assertEquals(1L, feb.video)
        assertEquals(1L, report.totals.single().patients)
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
                                refused.add(e.details.code)
                            }
                        }
                    }
                }
            }
            start.countDown()
            jobs.forEach { it.get(60, TimeUnit.SECONDS) }
            pool.shutdown()
            assertEquals((threads * perThread + 1).toLong(), journal.summary().interviews)
            assertEquals(threads * perThread + 1, journal.interviews().map { it.id }.toSet().size)
            assertEquals(List(threads) { "duplicate_id" }, refused.toList())
        }
    }

    // ---- the README's Kotlin quick start, as written there ----

    @Test
    fun `the README quick start does what it says`() {
        val log = java.io.File(VectorsTest.repoRoot, "examples/data/interviews_2023.csv")
        val interviews = readInterviewsCsv(log.readText())
        val report = activityReport(interviews, defaultReportRequest(periodOfYear(2023)))
        assertEquals(listOf("PP-A", "PP-B"), report.totals.map { it.group })
        Policy.builtin().use { policy ->
            val split = policy.cofinancingSplit(PostRole.PATIENT_PARTNER, ftePermille = 600, payCents = 2_400_000)
            assertEquals(listOf(1_000_000L, 400_000L), listOf(split.agencyCents, split.outsideProgrammeCents))
        }
        val whole = activityReport(interviews, defaultReportRequest(null).copy(groupBy = GroupBy.ALL, bucket = Bucket.YEAR))
        assertEquals(Period(interviews.minOf { it.date }, interviews.maxOf { it.date }), whole.period)
        assertEquals(interviews.size.toLong(), whole.totals.single().total)
        Journal().use { journal ->
            val day = { d: Int -> LocalDate.of(2023, 1, d) }
            val referral = Referral(id = ReferralId("REF-1"), patient = PatientId("PAT-0001"), received = day(3),
                source = ReferralSource.CareTeam(Profession.NURSE, professional = null),
                needs = listOf(Need.EXPERIENCE_SHARING), stage = PathwayStage.TREATMENT, consent = Consent.Given(day(3)))
            journal.addReferral(referral)
            val partner = PartnerId("PP-007")
            assertEquals(ReferralState.ASSIGNED, journal.apply(referral.id, day(4), ReferralEvent.Assign(partner)))
            journal.apply(referral.id, day(5), ReferralEvent.Start)
            journal.addInterview(Interview(date = day(5), partner = partner, patient = referral.patient,
                modality = Modality.VIDEO, referral = referral.id, durationMinutes = 45))
            journal.apply(referral.id, day(26), ReferralEvent.Close(ReferralOutcome.ORIENTED,
                listOf(Orientation.Professional(Profession.PSYCHOLOGIST))))
            journal.addActivity(Activity(id = ActivityId("ACT-1"), date = day(12), partner = partner,
                mission = Mission.SUPPORT_GROUP, modality = ActivityModality.HYBRID, durationMinutes = 90, participants = 8))
            val month = journal.activityReport(defaultReportRequest(Period(day(1), day(31))))
            assertEquals(1L, month.totals.single().video)
            val e = assertThrows<PatientPartnerException.Referral> {
                journal.apply(referral.id, day(27), ReferralEvent.Start)
            }
            assertEquals(listOf("transition_from_final_state", "REF-1"), listOf(e.details.code, e.details.entity))
            assertEquals("REF-1 (event) : adressage déjà terminé", e.details.messageFr)
        }
    }

    // ---- programme rules: every finding, typed, bilingual ----

    @Test
    fun `a post evaluation returns every finding with bilingual messages`() {
        val post = Post(id = PostId("POST-1"), establishment = EstablishmentId("EST-01"), partner = PartnerId("PP-001"),
            role = PostRole.PATIENT_PARTNER, start = LocalDate.of(2023, 1, 1), end = LocalDate.of(2026, 6, 30),
            ftePermille = 600, grossAnnualPayCents = 2_400_000)
        val evaluation = Policy.builtin().use { it.evaluatePost(post) }
        assertEquals("POST-1", evaluation.subject)
        assertEquals(Compliance.NON_COMPLIANT, evaluation.compliance)
        assertEquals(Severity.VIOLATION, evaluation.findings.first { it.ruleId == "post.max_fte" }.severity)
        val ids = evaluation.findings.map { it.ruleId }
        assertTrue(ids.containsAll(listOf("post.max_fte", "post.term_too_long")), ids.toString())
        assertTrue(evaluation.findings.all { it.messageEn.isNotBlank() && it.messageFr.isNotBlank() })
        assertEquals("600", evaluation.findings.first { it.ruleId == "post.max_fte" }.facts["fte_permille"])
        val bad = assertThrows<PatientPartnerException.Policy> {
            Policy.builtin().use { it.evaluatePost(post.copy(ftePermille = 0)) }
        }
        assertEquals("invalid_fte", bad.details.code)
        assertEquals("POST-1", bad.details.entity)
        assertEquals("fte_permille", bad.details.field)
        // The contract calendar and the programme's indicators, typed too.
        Policy.builtin().use { policy ->
            val calendar = policy.contractCalendar(post.copy(ftePermille = 500, end = LocalDate.of(2025, 12, 31)))
            assertEquals(1L, calendar.terms.single().number)
            assertEquals(TermStatus.WITHIN_PROGRAMME, calendar.terms.single().status)
            val year = policy.programmeIndicators(listOf(post.copy(ftePermille = 500)), 2024)
            assertEquals(1L, year.totals.posts)
            assertEquals(listOf(EstablishmentId("EST-01")), year.establishments)
            LabelChecklist.example().use { checklist ->
                val label = policy.evaluateLabel(checklist, EstablishmentData(establishment = EstablishmentId("EST-01"),
                    asOf = LocalDate.of(2024, 6, 1), posts = listOf(post.copy(ftePermille = 500))))
                assertEquals(checklist.id(), label.checklist)
                assertEquals(label.criteria.size.toLong(), label.total)
            }
        }
    }

    // ---- the typed report ----

    @Test
    fun `the typed report matches the core's JSON`() {
        val interviews = listOf(
            interview(null, LocalDate.of(2023, 1, 9), "PAT-1", Modality.IN_PERSON),
            interview(null, LocalDate.of(2023, 1, 20), "PAT-1", Modality.PHONE),
            interview(null, LocalDate.of(2023, 2, 3), "PAT-2", Modality.VIDEO),
        )
        val request = reportRequestFromJson("""{"period": {"start": "2023-01-01", "end": "2023-03-31"}}""")
        assertEquals(defaultReportRequest(Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31))), request)
        val typed = activityReport(interviews, request)
        val json = JSONObject(activityReportJson(interviews, request))
        assertEquals(json.getJSONArray("rows").length(), typed.rows.size)
        assertEquals(3L, typed.totals.single().total)
        assertEquals(json.getJSONArray("totals").getJSONObject(0).getLong("patients"), typed.totals.single().patients)
        assertEquals("PP-001", typed.totals.single().group)
        assertTrue(activityReportTable(interviews, request).contains("PP-001"))
        assertTrue(activityReportCsv(interviews, request).lines().any { it.contains("PP-001") && it.contains("2023-02") })
    }
}
