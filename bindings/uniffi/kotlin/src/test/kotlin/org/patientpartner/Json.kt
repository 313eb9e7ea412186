package org.patientpartner

import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import kotlin.math.abs
import kotlin.math.max

/** Small JSON helpers for the vector runner (org.json). */
object Json {
    fun parse(text: String): Any? = JSONTokener(text).nextValue()

    /**
     * Equality as tests/vectors/README.md defines it: object key order does not matter,
     * numbers compare by value with a relative tolerance of 1e-9.
     */
    fun same(want: Any?, got: Any?): Boolean = when {
        isNull(want) || isNull(got) -> isNull(want) && isNull(got)
        want is JSONObject && got is JSONObject ->
            want.keySet() == got.keySet() && want.keySet().all { same(want.opt(it), got.opt(it)) }
        want is JSONArray && got is JSONArray ->
            want.length() == got.length() && (0 until want.length()).all { same(want.opt(it), got.opt(it)) }
        want is Number && got is Number -> {
            val a = want.toDouble()
            val b = got.toDouble()
            a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        }
        want is String && got is String -> want == got
        want is Boolean && got is Boolean -> want == got
        else -> false
    }

    fun isNull(v: Any?): Boolean = v == null || v == JSONObject.NULL

    fun pretty(v: Any?): String = when (v) {
        is JSONObject -> v.toString(2)
        is JSONArray -> v.toString(2)
        else -> v.toString()
    }
}
