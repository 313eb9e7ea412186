package org.patientpartner

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.time.LocalDate

/**
 * Every spreadsheet fixture of tests/fixtures/spreadsheets (made by LibreOffice and
 * openpyxl) read through the Kotlin API as bytes, checked against expected.json (computed
 * by the fixture script, not by this library).
 */
class SpreadsheetsTest {
    private val dir = File(VectorsTest.repoRoot, "tests/fixtures/spreadsheets")
    private val expected = JSONObject(File(dir, "expected.json").readText())
    private val year = Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31))

    @Test
    fun `every interview log gives the expected monthly tables`() {
        val want = expected.getJSONObject("interviews_2023")
        val names = want.getJSONObject("files").keySet() + "interviews_2023_variant_headers.xlsx"
        assertTrue(names.size >= 11)
        for (name in names) {
            val imported = readInterviewsFile(File(dir, name).readBytes(), ImportOptions())
            assertEquals(150L, imported.summary.rows, name)
            assertEquals(1, imported.summary.ignoredColumns.size, name)
            assertTrue(imported.summary.text.contains("ignored column"), name)
            val report = activityReport(imported.interviews, defaultReportRequest(year))
            val partners = want.getJSONObject("partners")
            assertEquals(partners.keySet().size, report.totals.size, name)
            for (t in report.totals) {
                val table = partners.getJSONObject(t.group!!)
                assertEquals(table.getLong("patients"), t.patients, "$name ${t.group}")
                assertEquals(table.getJSONObject("total").getLong("total"), t.total, "$name ${t.group}")
            }
            for (r in report.rows) {
                val cell = partners.getJSONObject(r.group!!).getJSONObject("months").getJSONObject(r.bucket)
                assertEquals(cell.getLong("in_person"), r.inPerson, "$name ${r.group} ${r.bucket}")
                assertEquals(cell.getLong("phone"), r.phone, "$name ${r.group} ${r.bucket}")
                assertEquals(cell.getLong("video"), r.video, "$name ${r.group} ${r.bucket}")
                assertEquals(cell.getLong("new_patients"), r.newPatients, "$name ${r.group} ${r.bucket}")
                assertEquals(cell.getLong("patients"), r.patients, "$name ${r.group} ${r.bucket}")
            }
        }
    }

    @Test
    fun `errors name the true line or the sheet and cell`() {
        val csv = assertThrows<PatientPartnerException.Import> {
            readInterviewsFile(File(dir, "interviews_errors_cp1252_crlf.csv").readBytes(), ImportOptions())
        }
        assertEquals("invalid_modality", csv.details.code)
        assertEquals(28L, csv.details.line)
        assertEquals(4L, csv.details.column)
        val xlsx = assertThrows<PatientPartnerException.Import> {
            readInterviewsFile(File(dir, "interviews_errors.xlsx").readBytes(), ImportOptions())
        }
        assertEquals("Entretiens 2023", xlsx.details.sheet)
        assertEquals(17L, xlsx.details.line)
        assertEquals(4L, xlsx.details.column)
        assertTrue(xlsx.details.detail.startsWith("sheet \"Entretiens 2023\", cell D17 (modality)"), xlsx.details.detail)
    }

    @Test
    fun `options, referrals and activities`() {
        val strict = assertThrows<PatientPartnerException.Import> {
            readInterviewsFile(File(dir, "interviews_2023.ods").readBytes(), ImportOptions(unknownColumns = UnknownColumns.REFUSE))
        }
        assertEquals("unknown_column", strict.details.code)
        val text = "Jour;Intervenant;Patient;Mode\r\n09/01/2023;PP-9;PAT-1;visio\r\n".toByteArray(Charsets.UTF_8)
        val mapped = readInterviewsFile(text, ImportOptions(columns = mapOf("partner" to "Intervenant")))
        assertEquals(PartnerId("PP-9"), mapped.interviews.single().partner)
        val fromText = readInterviewsText(
            "Date;Partenaire;Patient;Modalité;Notes\n09/01/2023;PP-1;PAT-1;visio;x\n", ImportOptions(),
        )
        assertEquals("Notes", fromText.summary.ignoredColumns.single().header)
        // The old reader returns no summary: it refuses the column instead of dropping it.
        val old = assertThrows<PatientPartnerException.Import> {
            readInterviewsCsv("Date;Partenaire;Patient;Modalité;Notes\n09/01/2023;PP-1;PAT-1;visio;x\n")
        }
        assertEquals("unknown_column", old.details.code)
        val referrals = readReferralsFile(File(dir, "referrals_2023.xlsx").readBytes(), ImportOptions())
        assertEquals(expected.getJSONObject("referrals_2023").getLong("count"), referrals.summary.rows)
        assertEquals(referrals.summary.rows.toInt(), referrals.referrals.size)
        assertEquals(FileFormat.XLSX, referrals.summary.format)
        val activities = readActivitiesFile(File(dir, "activities_2023.ods").readBytes(), ImportOptions())
        assertEquals(FileFormat.ODS, activities.summary.format)
        assertEquals(activities.summary.rows.toInt(), activities.activities.size)
        assertEquals("Activités", activities.summary.sheet)
        val unknownSheet = assertThrows<PatientPartnerException.Import> {
            readInterviewsFile(File(dir, "interviews_2023.xls").readBytes(), ImportOptions(sheet = "Feuil1"))
        }
        assertEquals("unknown_sheet", unknownSheet.details.code)
    }
}
