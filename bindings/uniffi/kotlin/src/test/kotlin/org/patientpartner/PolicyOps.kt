package org.patientpartner

import org.json.JSONArray
import org.json.JSONObject

/** The policy ops of tests/vectors/README.md, through the public Kotlin API (`Policy`). */
object PolicyOps {
    /** The op's result, or null when [op] is not a policy op. */
    fun run(op: String, input: JSONObject): Any? = when (op) {
        "evaluate_post" -> withPolicy(input) { evaluation(it.evaluatePost(postFromJson(Ops.doc(input, "post")))) }
        "evaluate_mandate" -> withPolicy(input) {
            evaluation(it.evaluateMandate(mandateFromJson(Ops.doc(input, "mandate")), java.time.LocalDate.parse(Ops.str(input, "as_of"))))
        }
        "cofinancing_split" -> withPolicy(input) {
            val role = (parseVocabulary(VocabularyName.POST_ROLE, Ops.str(input, "role")) as VocabularyValue.PostRole).value
            val s = it.cofinancingSplit(role, long(input, "fte_permille"), long(input, "pay_cents"))
            JSONObject().put("role", Ops.wire(s.role)).put("pay_cents", s.payCents).put("fte_permille", s.ftePermille)
                .put("max_fte_permille", s.maxFtePermille).put("funded_fte_permille", s.fundedFtePermille)
                .put("within_limit_cents", s.withinLimitCents).put("agency_cents", s.agencyCents)
                .put("establishment_cents", s.establishmentCents)
                .put("outside_programme_cents", s.outsideProgrammeCents)
                .put("establishment_total_cents", s.establishmentTotalCents)
        }
        "contract_calendar" -> withPolicy(input) { policy ->
            val c = policy.contractCalendar(postFromJson(Ops.doc(input, "post")))
            JSONObject().put("post", c.post.value).put("role", Ops.wire(c.role))
                .put("terms", JSONArray(c.terms.map { t ->
                    JSONObject().put("number", t.number).put("start", t.start.toString()).put("end", t.end.toString())
                        .put("max_end", t.maxEnd.toString()).put("status", Ops.wire(t.status))
                        .apply { t.decidedOn?.let { put("decided_on", it.toString()) } }
                }))
                .put("renewals_allowed", c.renewalsAllowed).put("renewals_used", c.renewalsUsed)
                .put("renewals_remaining", c.renewalsRemaining)
                .put("renewal_window", c.renewalWindow?.let(::window) ?: JSONObject.NULL)
                .put("last_possible_end", c.lastPossibleEnd.toString())
        }
        "programme_indicators" -> withPolicy(input) { policy ->
            val posts = input.optJSONArray("posts") ?: throw MalformedVector("input has no list `posts`")
            val year = input.opt("year") as? Int ?: throw MalformedVector("input has no integer `year`")
            val p = policy.programmeIndicators((0 until posts.length()).map { i -> postFromJson(posts.get(i).toString()) }, year)
            totals(JSONObject().put("year", p.year).put("establishments", JSONArray(p.establishments.map { it.value })), p.totals)
                .put("by_establishment", JSONArray(p.byEstablishment.map { e ->
                    totals(JSONObject().put("establishment", e.establishment.value), e.totals)
                }))
                .put("renewal_calendar", JSONArray(p.renewalCalendar.map { c ->
                    JSONObject().put("post", c.post.value).put("establishment", c.establishment.value).put("term", c.term)
                        .put("term_end", c.termEnd.toString()).put("next", Ops.wire(c.next))
                        .apply { c.window?.let { put("window", window(it)) } }
                }))
        }
        "evaluate_label" -> withPolicy(input) { policy ->
            val checklist = Ops.optDoc(input, "checklist")?.let { LabelChecklist.fromJson(it) } ?: LabelChecklist.example()
            val l = checklist.use { policy.evaluateLabel(it, establishmentDataFromJson(Ops.doc(input, "data"))) }
            JSONObject().put("checklist", l.checklist).put("status", Ops.wire(l.status))
                .put("establishment", l.establishment.value).put("as_of", l.asOf.toString())
                .put("criteria", JSONArray(l.criteria.map { c ->
                    JSONObject().put("id", c.id).put("outcome", Ops.wire(c.outcome)).put("facts", JSONObject(c.facts))
                }))
                .put("met", l.met).put("total", l.total).put("outcome", Ops.wire(l.outcome))
        }
        "load_policy" -> {
            val hasDoc = input.has("policy")
            val hasText = input.has("text")
            if (hasDoc == hasText) throw MalformedVector("load_policy needs exactly one of `policy` or `text`")
            val text = if (hasDoc) input.get("policy").toString() else Ops.str(input, "text")
            Policy.fromJson(text).use { p ->
                JSONObject().put("id", p.id()).put("posts", JSONArray(p.postRoles().map(Ops::wire)))
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
        .put("compliance", Ops.wire(e.compliance))
        .put("findings", JSONArray(e.findings.map { f ->
            JSONObject().put("rule_id", f.ruleId).put("severity", Ops.wire(f.severity)).put("message_en", f.messageEn)
                .put("message_fr", f.messageFr).put("facts", JSONObject(f.facts))
        }))

    private fun window(w: RenewalWindow): JSONObject =
        JSONObject().put("opens", w.opens.toString()).put("closes", w.closes.toString())

    /** The totals, flattened into `o` as the core writes them. */
    private fun totals(o: JSONObject, t: Totals): JSONObject = o.put("posts", t.posts)
        .put("total_fte_permille", t.totalFtePermille).put("prorated_fte_permille", t.proratedFtePermille)
        .put("pay_cents", t.payCents).put("agency_cents", t.agencyCents)
        .put("establishment_cents", t.establishmentCents).put("outside_programme_cents", t.outsideProgrammeCents)
}
