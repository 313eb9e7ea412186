package org.patientpartner

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.time.LocalDate

/** FHIR R4 exchange from Kotlin (issue 14): the demo journal out and back, its report. */
class FhirTest {
    private val demo = File(VectorsTest.repoRoot, "examples/data/journal_2023.json").readText()

    @Test
    fun `export then import gives the same journal`() {
        Journal.fromJson(demo).use { journal ->
            for (kind in BundleKind.entries) {
                val bundle = journal.toFhir(kind)
                assertEquals(wire(kind), JSONObject(bundle).getString("type"))
                journalFromFhir(bundle).use { back ->
                    assertEquals(journal.summary(), back.summary())
                    assertEquals(journal.referrals(), back.referrals())
                    assertEquals(journal.interviews(), back.interviews())
                    assertEquals(journal.activities(), back.activities())
                    assertEquals(JSONObject(journal.toJson()).toString(), JSONObject(back.toJson()).toString())
                }
            }
        }
    }

    @Test
    fun `the report travels as MeasureReports`() {
        Journal.fromJson(demo).use { journal ->
            val year = Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31))
            val bundle = JSONObject(journal.activityReportFhir(defaultReportRequest(year).copy(suppressBelow = 11)))
            val entries = bundle.getJSONArray("entry")
            assertEquals(13, entries.length())
            val first = entries.getJSONObject(0).getJSONObject("resource")
            assertEquals("MeasureReport", first.getString("resourceType"))
            assertTrue(first.getString("measure").endsWith("/Measure/partner-activity|1"))
        }
    }

    @Test
    fun `a bundle that cannot be read is a typed Fhir error naming the element`() {
        val bundle = JSONObject(Journal.fromJson(demo).use { it.toFhir(BundleKind.COLLECTION) })
        bundle.getJSONArray("entry").getJSONObject(0).getJSONObject("resource").remove("identifier")
        val e = assertThrows<PatientPartnerException.Fhir> { journalFromFhir(bundle.toString()) }
        assertEquals(ErrorCode.MISSING_ELEMENT, e.details.kind)
        assertEquals("Bundle.entry[0].resource.identifier", e.details.field)
        val notJson = assertThrows<PatientPartnerException.Fhir> { journalFromFhir("{ nope") }
        assertEquals(ErrorCode.INVALID_FHIR_VALUE, notJson.details.kind)
    }

    private fun wire(kind: BundleKind) = vocabularyWireName(VocabularyValue.BundleKind(kind))
}
