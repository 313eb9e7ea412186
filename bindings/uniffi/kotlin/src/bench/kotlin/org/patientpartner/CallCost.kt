package org.patientpartner

/**
 * The Kotlin side of the call-cost comparison in BENCHMARKS.md: one rule check across the
 * uniffi boundary (arguments lowered, Rust called through JNA, result or exception lifted),
 * timed like bindings/uniffi/examples/call_cost.rs times the same check in Rust.
 * Not a test: run by scripts/bench-kotlin-calls.sh against the release library.
 */
fun main() {
    val n = System.getProperty("pp.bench.n")?.toInt() ?: 20_000
    fun perCall(f: () -> Unit): Double {
        repeat(n) { f() } // warm-up (JIT)
        val runs = (1..5).map {
            val t = System.nanoTime()
            repeat(n) { f() }
            (System.nanoTime() - t).toDouble() / n
        }.sorted()
        return runs[2]
    }
    var sink = 0
    val empty = perCall { sink += coreVersion().length }
    val id = perCall { sink += parseId(IdType.PATIENT, "PAT-0042").length }
    val catalogue = RoleCatalogue.builtin()
    val classify = perCall { sink += catalogue.classify(Mission.PATHWAY_REDESIGN, null, Role.SALARIED_PATIENT_PARTNER).level.ordinal }
    val refused = perCall {
        try {
            parseId(IdType.PATIENT, " ")
        } catch (e: PatientPartnerException.InvalidId) {
            sink += e.details.code.length
        }
    }
    println("kotlin coreVersion() (no argument, no rule): %.1f ns/call".format(empty))
    println("kotlin parseId(PATIENT): %.1f ns/call".format(id))
    println("kotlin classify(pathway_redesign, salaried_patient_partner): %.1f ns/call".format(classify))
    println("kotlin parseId refused (typed exception): %.1f ns/call".format(refused))
    if (sink == 42) println() // keep the results alive
}
