package org.patientpartner

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.nio.file.Files
import java.time.LocalDate

/** Publications, releases through a ledger and indicators from Kotlin (issue 26). */
class PublicationTest {

    private fun interview(day: LocalDate, partner: String, patient: String, modality: Modality) =
        Interview(id = null, date = day, partner = PartnerId(partner), patient = PatientId(patient),
            modality = modality, durationMinutes = 30)

    /** PP-A: 14 phone interviews in January, 3 video in March; PP-B: 14 in person in February. */
    private fun log(late: Boolean = false): List<Interview> {
        val list = mutableListOf<Interview>()
        for (k in 0 until 14) {
            list += interview(LocalDate.of(2023, 1, 1 + k), "PP-A", "PAT-A$k", Modality.PHONE)
            list += interview(LocalDate.of(2023, 2, 1 + k), "PP-B", "PAT-B$k", Modality.IN_PERSON)
        }
        for (k in 0 until 3) list += interview(LocalDate.of(2023, 3, 1 + k), "PP-A", "PAT-C$k", Modality.VIDEO)
        if (late) list += interview(LocalDate.of(2023, 1, 30), "PP-A", "PAT-L", Modality.PHONE)
        return list
    }

    private fun request(end: LocalDate, groupBy: GroupBy = GroupBy.PARTNER, bucket: Bucket = Bucket.MONTH) =
        defaultReportRequest(Period(LocalDate.of(2023, 1, 1), end))
            .copy(groupBy = groupBy, bucket = bucket, suppressBelow = 11L)

    @Test
    fun `tables are protected together and indicators come from their published cells`() {
        val end = LocalDate.of(2023, 3, 31)
        val published = publish(
            log(),
            listOf(request(end), request(end, GroupBy.ALL)),
            indicators = listOf(TableIndicator.REMOTE_SHARE, TableIndicator.INTERVIEWS_TOTAL),
        )
        assertEquals(2, published.tables.size)
        assertNull(published.release)
        val share = published.indicators.first { it.indicator == TableIndicator.REMOTE_SHARE && it.groupBy == GroupBy.PARTNER }
        val a = share.groups.first { it.group == "PP-A" }
        val totals = published.tables[0].totals.first { it.group == "PP-A" }
        assertEquals(totals.total, a.denominator)
        val derivable = if (totals.phone != null && totals.video != null) totals.phone!! + totals.video!!
            else if (totals.total != null && totals.inPerson != null) totals.total!! - totals.inPerson!! else null
        assertEquals(derivable, a.numerator)
        assertEquals(derivable == null, a.masked)
    }

    @Test
    fun `releases through a ledger keep what was published and refuse revisions`() {
        val dir = Files.createTempDirectory("pp-ledger")
        val path = dir.resolve("releases.json").toString()
        val first = publish(log(), listOf(request(LocalDate.of(2023, 1, 31))), ledgerPath = path)
        assertEquals(1u, first.release)
        val second = publish(log(), listOf(request(LocalDate.of(2023, 3, 31))), ledgerPath = path)
        assertEquals(2u, second.release)
        assertEquals(14L, second.tables[0].rows.first { it.group == "PP-A" && it.bucket == "2023-01" }.phone)
        val refused = assertThrows<PatientPartnerException.Report> {
            publish(log(late = true), listOf(request(LocalDate.of(2023, 3, 31))), ledgerPath = path)
        }
        assertEquals("revised_cells", refused.details.code)
        val accepted = publish(log(late = true), listOf(request(LocalDate.of(2023, 3, 31))),
            ledgerPath = path, revisions = Revisions.ACCEPT)
        assertTrue(accepted.revisions.any { it.column == Column.PHONE && it.published == 14L && it.now == 15L })
        val other = assertThrows<PatientPartnerException.Report> {
            publish(log(), listOf(request(LocalDate.of(2023, 3, 31), bucket = Bucket.QUARTER)), ledgerPath = path)
        }
        assertEquals("ledger_mismatch", other.details.code)
    }
}
