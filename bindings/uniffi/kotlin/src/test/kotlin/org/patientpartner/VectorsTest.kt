package org.patientpartner

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.time.LocalDate

/** A vector that cannot be run as written: always a failure, never a skip. */
class MalformedVector(message: String) : AssertionError(message)

/**
 * Runs every `*.json` file of the repository's `tests/vectors/` (and of `$PP_VECTORS_DIR`
 * when set) through the public Kotlin API, as tests/vectors/README.md specifies.
 */
class VectorsTest {

    companion object {
        val repoRoot: File = File(System.getProperty("pp.repo.root") ?: "../../..").canonicalFile

        fun vectorFiles(): List<File> {
            val dirs = mutableListOf(File(repoRoot, "tests/vectors"))
            System.getenv("PP_VECTORS_DIR")?.takeIf { it.isNotEmpty() }?.let { dirs.add(File(it)) }
            return dirs.flatMap { dir ->
                require(dir.isDirectory) { "no vector folder $dir" }
                dir.walkTopDown().filter { it.isFile && it.name.endsWith(".json") }.sortedBy { it.path }.toList()
            }
        }
    }

    @Test
    fun `the vector folder is not empty`() {
        assertTrue(vectorFiles().size > 100, "expected the repository's vectors, found ${vectorFiles().size}")
    }

    @TestFactory
    fun vectors(): List<DynamicTest> = vectorFiles().map { file ->
        DynamicTest.dynamicTest(file.relativeTo(repoRoot).path) { runFile(file) }
    }

    private fun runFile(file: File) {
        val case = Json.parse(file.readText()) as? JSONObject ?: throw MalformedVector("not a JSON object")
        val op = case.optString("op").ifEmpty { throw MalformedVector("no `op`") }
        if (case.optString("description").isEmpty()) throw MalformedVector("no `description`")
        val input = case.optJSONObject("input") ?: throw MalformedVector("no `input` object")
        val expect = case.optJSONObject("expect") ?: throw MalformedVector("no `expect` object")
        val wantOk = expect.has("ok")
        val wantErr = expect.optJSONObject("error")
        if (wantOk == (wantErr != null)) throw MalformedVector("`expect` must hold exactly one of `ok` or `error`")

        val outcome: Result<Any?> = try {
            Result.success(Ops.run(op, input))
        } catch (e: PatientPartnerException) {
            Result.failure(e)
        }
        if (wantOk) {
            val got = outcome.getOrElse {
                throw AssertionError("op `$op`: expected ok, got error ${describe(it as PatientPartnerException)}")
            }
            val want = expect.get("ok")
            if (!Json.same(want, got)) {
                throw AssertionError("op `$op`: expected\n${Json.pretty(want)}\ngot\n${Json.pretty(got)}")
            }
        } else {
            val err = outcome.exceptionOrNull() as? PatientPartnerException
                ?: throw AssertionError("op `$op`: expected error $wantErr, got ok ${Json.pretty(outcome.getOrNull())}")
            val d = err.details()
            val problems = mutableListOf<String>()
            if (wantErr!!.getString("kind") != d.code) problems += "kind ${d.code}"
            for (key in listOf("entity", "field")) {
                if (wantErr.has(key) && wantErr.getString(key) != d.get(key)) problems += "$key ${d.get(key)}"
            }
            for (key in listOf("line", "column")) {
                if (wantErr.has(key) && wantErr.getLong(key) != d.get(key)) problems += "$key ${d.get(key)}"
            }
            if (problems.isNotEmpty()) {
                throw AssertionError("op `$op`: expected error $wantErr, got ${describe(err)} (mismatch: $problems)")
            }
        }
    }

    private fun describe(e: PatientPartnerException) = "${e::class.simpleName}: ${e.message}"
}

/** The context of a [PatientPartnerException] as the vectors name it (`entity`, `line`…). */
fun ErrorDetails.get(key: String): Any? = when (key) {
    "entity" -> entity; "field" -> field; "line" -> line; "column" -> column
    else -> throw IllegalArgumentException(key)
}

/** Each op of tests/vectors/README.md, through the public Kotlin API only. */
object Ops {
    fun run(op: String, input: JSONObject): Any? = when (op) {
        // Foundation
        "parse_id" -> parseId(IdType.valueOf(str(input, "type").uppercase()), str(input, "value"))
        "parse_modality" -> modalityWireName(parseModality(str(input, "value")))
        // Engagement
        "classify_engagement" -> {
            val c = catalogue(input).classify(
                mission(str(input, "mission")),
                optStr(input, "participation")?.let { (parseVocabulary(VocabularyName.PARTICIPATION, it) as VocabularyValue.Participation).value },
                optStr(input, "role")?.let(::role),
            )
            JSONObject().put("level", wire(c.level)).put("scope", wire(c.scope)).put("participation", wire(c.participation))
                .apply { c.roleFit?.let { put("role_fit", wire(it)) } }
        }
        "role_profile" -> {
            val p = catalogue(input).profile(role(str(input, "role")))
            JSONObject().put("role", wire(p.role)).put("remuneration", wire(p.remuneration)).put("training", wire(p.training))
                .put("establishment_patient", wire(p.establishmentPatient))
                .put("levels", JSONArray(p.levels.map(::wire))).put("scopes", JSONArray(p.scopes.map(::wire)))
        }
        "load_role_catalogue" -> {
            val hasDoc = input.has("catalogue")
            val hasText = input.has("text")
            if (hasDoc == hasText) throw MalformedVector("load_role_catalogue needs exactly one of `catalogue` or `text`")
            val text = if (hasDoc) input.get("catalogue").toString() else str(input, "text")
            val c = RoleCatalogue.fromJson(text)
            JSONObject().put("roles", JSONArray(c.roles().map(::wire))).put("missions", c.missionRuleCount())
                .put("participations", c.participationRuleCount())
        }
        "mission_profile" -> {
            val p = missionProfile(mission(str(input, "mission")))
            JSONObject().put("mission", wire(p.mission)).put("category", wire(p.category)).put("format", wire(p.format))
                .apply { p.area?.let { put("area", wire(it)) } }
        }
        "validate_activity" -> activityFromJson(doc(input, "activity")).let { activity ->
            validateActivity(activity)
            Json.parse(activityToJson(activity))
        }
        // Referrals
        "referral_transition" -> wire(
            referralNextState(
                ReferralState.valueOf(str(input, "from").uppercase()),
                referralEventFromJson(doc(input, "event")),
                optDoc(input, "consent")?.let(::consentFromJson) ?: Consent.NotAsked,
            ),
        )
        "referral_history" -> {
            val h = referralHistory(referralFromJson(doc(input, "referral")), referralTransitionsFromJson(doc(input, "transitions")))
            JSONObject().put("state", wire(h.state)).put("consent", Json.parse(consentToJson(h.consent)))
                .put("last_date", h.lastDate.toString()).put("transitions", h.transitions)
                .apply { h.partner?.let { put("partner", it.value) } }
        }
        "validate_referral" -> referralFromJson(doc(input, "referral")).let { referral ->
            validateReferral(referral)
            Json.parse(referralToJson(referral))
        }
        // Journal
        "ingest_journal" -> Journal.fromJson(doc(input, "document")).use { Json.parse(it.summaryJson()) }
        "import_fhir_bundle" -> journalFromFhir(doc(input, "bundle")).use { Json.parse(it.toJson()) }
        "ingest_journal_steps" -> Journal().use { journal ->
            val docs = input.optJSONArray("documents") ?: throw MalformedVector("input has no list `documents`")
            val results = JSONArray()
            for (i in 0 until docs.length()) {
                try {
                    journal.ingestJson(docs.get(i).toString())
                    results.put("ok")
                } catch (e: PatientPartnerException) {
                    results.put(e.details().code)
                }
            }
            JSONObject().put("results", results).put("summary", Json.parse(journal.summaryJson()))
        }
        // Report and import
        "activity_report" -> Json.parse(activityReportJson(interviews(input), reportRequestFromJson(doc(input, "request")),
            input.optJSONArray("activities")?.let { docs -> (0 until docs.length()).map { activityFromJson(docs.get(it).toString()) } }))
        "publish" -> {
            val requests = input.getJSONArray("requests")
            val indicators = input.optJSONArray("indicators")
            Json.parse(publishJson(
                interviews(input),
                (0 until requests.length()).map { reportRequestFromJson(requests.get(it).toString()) },
                indicators?.let { list -> (0 until list.length()).map { TableIndicator.valueOf(list.getString(it).uppercase()) } }
                    ?: emptyList(),
            ))
        }
        "import_interviews_csv" -> Json.parse(
            interviewsToJson(readInterviewsFile(bytes(input), importOptions(input)).interviews),
        )
        "import_summary" -> {
            val data = bytes(input)
            val options = importOptions(input)
            summaryJson(
                when (str(input, "entity")) {
                    "referral" -> readReferralsFile(data, options).summary
                    "activity" -> readActivitiesFile(data, options).summary
                    else -> readInterviewsFile(data, options).summary
                },
            )
        }
        "import_interviews_json" -> Json.parse(interviewsToJson(readInterviewsJson(str(input, "text"))))
        "import_referrals_csv" -> Json.parse(referralsToJson(readReferralsFile(bytes(input), importOptions(input)).referrals))
        "import_referrals_json" -> Json.parse(referralsToJson(readReferralsJson(str(input, "text"))))
        "import_activities_csv" -> Json.parse(activitiesToJson(readActivitiesFile(bytes(input), importOptions(input)).activities))
        "import_activities_json" -> Json.parse(activitiesToJson(readActivitiesJson(str(input, "text"))))
        // Indicators
        "indicator_catalogue" -> JSONArray(indicatorCatalogue().map { d ->
            JSONObject().put("id", d.id).put("name_en", d.nameEn).put("name_fr", d.nameFr)
                .put("definition", d.definition).put("unit", wire(d.unit))
                .apply { d.definitionFr?.let { put("definition_fr", it) } }
        })
        "indicator_activity_counts" -> activityCounts(interviews(input), period(input)).let { c ->
            JSONObject().put("interviews_in_person", c.interviewsInPerson).put("interviews_by_phone", c.interviewsByPhone)
                .put("interviews_by_video", c.interviewsByVideo).put("interviews_total", c.interviewsTotal)
                .put("patients_seen", c.patientsSeen)
        }
        "indicator_interviews_per_patient" -> ratio(interviewsPerPatient(interviews(input), period(input)))
        "indicator_remote_share" -> ratio(remoteShare(interviews(input), period(input)))
        "indicator_referral_delay" -> withJournal(input) { j, p ->
            j.referralDelay(p).let { d ->
                JSONObject().put("referrals", d.referrals).put("with_interview", d.withInterview)
                    .put("without_interview", d.withoutInterview).put("median_days", d.medianDays ?: JSONObject.NULL)
                    .put("p90_days", d.p90Days ?: JSONObject.NULL)
            }
        }
        "indicator_referral_sources" -> withJournal(input) { j, p ->
            j.referralSources(p).let { s ->
                JSONObject().put("referrals", s.referrals).put("sources", JSONArray(s.sources.map { x ->
                    JSONObject().put("source", wire(x.source)).put("share", ratio(x.share))
                        .apply { x.profession?.let { put("profession", wire(it)) } }
                }))
            }
        }
        "indicator_orientation_rate" -> withJournal(input) { j, p -> ratio(j.orientationRate(p)) }
        "indicator_decline_rate" -> withJournal(input) { j, p -> ratio(j.declineRate(p)) }
        "indicator_extra_clinical_activities" -> {
            val docs = input.optJSONArray("activities") ?: throw MalformedVector("input has no list `activities`")
            val activities = (0 until docs.length()).map { activityFromJson(docs.get(it).toString()) }
            extraClinicalActivities(activities, period(input)).let { e ->
                JSONObject().put("activities", e.activities).put("minutes", e.minutes).put("by_area", JSONArray(e.byArea.map { a ->
                    JSONObject().put("area", wire(a.area)).put("activities", a.activities).put("minutes", a.minutes)
                }))
            }
        }
        else -> PolicyOps.run(op, input) ?: throw AssertionError("unknown op `$op`")
    }

    private fun catalogue(input: JSONObject): RoleCatalogue =
        if (input.has("catalogue") && !input.isNull("catalogue")) RoleCatalogue.fromJson(input.get("catalogue").toString())
        else RoleCatalogue.builtin()

    private fun withJournal(input: JSONObject, f: (Journal, Period) -> Any?): Any? {
        val period = period(input)
        return Journal.fromJson(doc(input, "journal")).use { f(it, period) }
    }

    /** A ratio as the core writes it (`value` null when the denominator is 0). */
    fun ratio(r: Ratio): JSONObject =
        JSONObject().put("numerator", r.numerator).put("denominator", r.denominator).put("value", r.value ?: JSONObject.NULL)

    /** The wire name of a vocabulary value (the Kotlin constant, in lower case). */
    fun wire(value: Enum<*>): String = value.name.lowercase()

    /** A mission or role given by its wire name, read by the core (`unknown_value` otherwise). */
    fun mission(name: String): Mission = (parseVocabulary(VocabularyName.MISSION, name) as VocabularyValue.Mission).value
    fun role(name: String): Role = (parseVocabulary(VocabularyName.ROLE, name) as VocabularyValue.Role).value

    fun interviews(input: JSONObject): List<Interview> = interviewsFromJson(doc(input, "interviews"))

    fun period(input: JSONObject): Period {
        val p = input.optJSONObject("period") ?: throw MalformedVector("input has no object `period`")
        return Period(LocalDate.parse(p.getString("start")), LocalDate.parse(p.getString("end")))
    }

    fun str(input: JSONObject, name: String): String {
        if (!input.has(name)) throw MalformedVector("input has no field `$name`")
        return input.get(name) as? String ?: throw MalformedVector("input field `$name` is not a string")
    }

    /** The `text` argument as the bytes of a file (UTF-8). */
    fun bytes(input: JSONObject): ByteArray = str(input, "text").toByteArray(Charsets.UTF_8)

    /** The import options a vector may give: strict, columns, sheet, encoding. */
    fun importOptions(input: JSONObject): ImportOptions {
        val columns = input.optJSONObject("columns")
        return ImportOptions(
            sheet = optStr(input, "sheet"),
            encoding = optStr(input, "encoding"),
            columns = columns?.keySet()?.associateWith { columns.getString(it) } ?: emptyMap(),
            unknownColumns = if (input.optBoolean("strict", false)) UnknownColumns.REFUSE else null,
        )
    }

    /** A summary as the core serialises it (absent optional fields left out). */
    fun summaryJson(s: ImportSummary): JSONObject {
        val o = JSONObject()
        o.put("format", s.format.name.lowercase())
        s.encoding?.let { o.put("encoding", it) }
        s.separator?.let { o.put("separator", it) }
        s.sheet?.let { o.put("sheet", it) }
        o.put("columns", JSONArray(s.columns.map { JSONObject().put("column", it.column).put("header", it.header) }))
        o.put("rows", s.rows)
        o.put("ignored_columns", JSONArray(s.ignoredColumns.map { JSONObject().put("header", it.header).put("column", it.column) }))
        o.put("blank_rows", s.blankRows)
        o.put("blank_row_lines", JSONArray(s.blankRowLines.map { it.toLong() }))
        return o
    }

    fun optStr(input: JSONObject, name: String): String? =
        if (!input.has(name) || input.isNull(name)) null else str(input, name)

    /** An argument passed to the bindings as JSON text (any serialisation of the value). */
    fun doc(input: JSONObject, name: String): String {
        if (!input.has(name)) throw MalformedVector("input has no field `$name`")
        return input.get(name).toString()
    }

    fun optDoc(input: JSONObject, name: String): String? =
        if (!input.has(name) || input.isNull(name)) null else doc(input, name)
}
