package org.patientpartner.example

import org.patientpartner.PatientPartnerException
import org.patientpartner.ReportRow
import org.patientpartner.TotalsRow
import org.patientpartner.Period
import org.patientpartner.activityReport
import org.patientpartner.defaultReportRequest
import org.patientpartner.readInterviewsCsv
import org.patientpartner.reportingGapsFromJson
import java.io.File
import java.time.LocalDate
import kotlin.system.exitProcess

/**
 * Prints the 2023 activity tables of an interview log (CSV), by partner and by month.
 *
 * Usage: Main [LOG.csv [COVERAGE.json]]. Without a coverage file, `coverage_2023.json` beside
 * the log is used when it exists (declared reporting gaps: those months print "–", not 0).
 */
fun main(args: Array<String>) {
    val log = File(args.getOrNull(0) ?: "examples/data/interviews_2023.csv")
    val coverage = args.getOrNull(1)?.let(::File) ?: File(log.parentFile, "coverage_2023.json")
    try {
        val interviews = readInterviewsCsv(log.readText())
        val gaps = if (coverage.isFile) reportingGapsFromJson(coverage.readText()) else emptyList()
        val year = Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31))
        // One table per partner, monthly rows: the defaults; only the period and the gaps differ.
        val request = defaultReportRequest(year).copy(coverage = gaps)
        val report = activityReport(interviews, request)
        println("${interviews.size} interviews read from ${log.name}")
        for (totals in report.totals) {
            printTable(totals, report.rows.filter { it.group == totals.group })
        }
    } catch (e: PatientPartnerException) {
        System.err.println("error: ${e.message}")
        exitProcess(1)
    }
}

/** `PP-A` is shown as "Partner A", the name the reference tables use. */
private fun partnerName(id: String?): String = when {
    id == null -> "all partners"
    id.startsWith("PP-") -> "Partner ${id.removePrefix("PP-")} ($id)"
    else -> id
}

private fun cell(n: Long?): String = n?.toString() ?: "–"

private fun printTable(totals: TotalsRow, rows: List<ReportRow>) {
    println()
    println(partnerName(totals.group))
    println("%-8s %9s %6s %6s %6s %13s".format("month", "in person", "phone", "video", "total", "new patients"))
    for (r in rows) {
        println("%-8s %9s %6s %6s %6s %13s".format(r.bucket, cell(r.inPerson), cell(r.phone), cell(r.video),
            cell(r.total), cell(r.newPatients)))
    }
    println("%-8s %9s %6s %6s %6s %13s".format("total", cell(totals.inPerson), cell(totals.phone),
        cell(totals.video), cell(totals.total), cell(totals.newPatients)))
    println("total interviews: ${cell(totals.total)}; distinct patients: ${cell(totals.patients)}")
}
