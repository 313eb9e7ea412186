package org.patientpartner

import org.json.JSONArray
import org.json.JSONObject

/** The policy ops of tests/vectors/README.md, through the public Kotlin API (`Policy`). */
object PolicyOps {
    /** The op's result, or null when [op] is not a policy op. */
    fun run(op: String, input: JSONObject): Any? = when (op) {
        "evaluate_post" -> withPolicy(input) { evaluation(it.evaluatePost(Ops.doc(input, "post"))) }
        "evaluate_mandate" -> withPolicy(input) {
            evaluation(it.evaluateMandate(Ops.doc(input, "mandate"), java.time.LocalDate.parse(Ops.str(input, "as_of"))))
        }
        "cofinancing_split" -> withPolicy(input) {
            val s = it.cofinancingSplit(Ops.str(input, "role"), long(input, "fte_permille"), long(input, "pay_cents"))
            JSONObject().put("role", s.role).put("pay_cents", s.payCents).put("fte_permille", s.ftePermille)
                .put("max_fte_permille", s.maxFtePermille).put("funded_fte_permille", s.fundedFtePermille)
                .put("within_limit_cents", s.withinLimitCents).put("agency_cents", s.agencyCents)
                .put("establishment_cents", s.establishmentCents)
                .put("outside_programme_cents", s.outsideProgrammeCents)
                .put("establishment_total_cents", s.establishmentTotalCents)
        }
        "contract_calendar" -> withPolicy(input) { Json.parse(it.contractCalendarJson(Ops.doc(input, "post"))) }
        "programme_indicators" -> withPolicy(input) {
            val posts = input.optJSONArray("posts") ?: throw MalformedVector("input has no list `posts`")
            val year = input.opt("year") as? Int ?: throw MalformedVector("input has no integer `year`")
            Json.parse(it.programmeIndicatorsJson((0 until posts.length()).map { i -> posts.get(i).toString() }, year))
        }
        "evaluate_label" -> withPolicy(input) { Json.parse(it.evaluateLabelJson(Ops.doc(input, "data"), Ops.optDoc(input, "checklist"))) }
        "load_policy" -> {
            val hasDoc = input.has("policy")
            val hasText = input.has("text")
            if (hasDoc == hasText) throw MalformedVector("load_policy needs exactly one of `policy` or `text`")
            val text = if (hasDoc) input.get("policy").toString() else Ops.str(input, "text")
            Policy.fromJson(text).use { p ->
                JSONObject().put("id", p.id()).put("posts", JSONArray(p.postRoles()))
                    .put("trainings", JSONArray(p.trainingIds()))
            }
        }
        else -> null
    }

    private fun <T> withPolicy(input: JSONObject, f: (Policy) -> T): T {
        val policy = if (input.has("policy") && !input.isNull("policy")) Policy.fromJson(input.get("policy").toString())
        else Policy.builtin()
        return policy.use(f)
    }

    private fun long(input: JSONObject, name: String): Long {
        if (!input.has(name)) throw MalformedVector("input has no field `$name`")
        return (input.get(name) as? Number)?.toLong() ?: throw MalformedVector("input field `$name` is not a number")
    }

    fun evaluation(e: Evaluation): JSONObject = JSONObject()
        .put("subject", e.subject)
        .put("compliance", e.compliance)
        .put("findings", JSONArray(e.findings.map { f ->
            JSONObject().put("rule_id", f.ruleId).put("severity", f.severity).put("message_en", f.messageEn)
                .put("message_fr", f.messageFr).put("facts", JSONObject(f.facts))
        }))
}
