"""The monthly activity report by partner, in Python polars (the benchmark's reference).

    python report_polars.py LOG.csv START END OUT.csv

Computes, for the period START..END (inclusive, ISO dates, month-aligned), the table the
crate's `activity_report --by partner --bucket month` computes, with the same definitions:
- per partner and month: interviews in person, by phone, by video, their total, and the new
  patients (a patient is new, for a partner, in the month of their first interview with that
  partner within the period), and the month's distinct patients;
- every month of the period for every partner with at least one interview in the period
  (zeros where there is none);
- per partner a totals row: the sums and the distinct patients.

Writes `partner,month,in_person,phone,video,total,new_patients,patients` (`month` is
`YYYY-MM`, or `total` on the totals rows; `patients` is the month's distinct patients on
month rows, the period's on totals rows). Idiomatic
polars: one lazy query over `scan_csv`, both outputs collected together so the scan is
shared.
"""

import sys
from datetime import date

import polars as pl


def main(path: str, start: str, end: str, out: str) -> None:
    d0, d1 = date.fromisoformat(start), date.fromisoformat(end)
    log = (
        pl.scan_csv(path, schema_overrides={"date": pl.Date})
        .filter(pl.col("date").is_between(d0, d1))
        .with_columns(pl.col("date").dt.truncate("1mo").alias("month"))
    )
    counts = log.group_by("partner", "month").agg(
        (pl.col("modality") == "in_person").sum().alias("in_person"),
        (pl.col("modality") == "phone").sum().alias("phone"),
        (pl.col("modality") == "video").sum().alias("video"),
        pl.len().alias("total"),
        pl.col("patient").n_unique().alias("patients"),
    )
    firsts = log.group_by("partner", "patient").agg(pl.col("month").min())
    new_patients = firsts.group_by("partner", "month").agg(pl.len().alias("new_patients"))
    months = pl.LazyFrame(
        {"month": pl.date_range(d0, d1, "1mo", eager=True).dt.truncate("1mo")}
    )
    grid = counts.select("partner").unique().join(months, how="cross")
    value_columns = ["in_person", "phone", "video", "total", "new_patients"]
    rows = (
        grid.join(counts, on=["partner", "month"], how="left")
        .join(new_patients, on=["partner", "month"], how="left")
        .with_columns(pl.col(*value_columns, "patients").fill_null(0).cast(pl.Int64))
    )
    totals = rows.group_by("partner").agg(pl.col(value_columns).sum()).join(
        firsts.group_by("partner").agg(pl.len().cast(pl.Int64).alias("patients")),
        on="partner",
    )
    rows_df, totals_df = pl.collect_all([rows, totals])
    table = pl.concat(
        [
            rows_df.with_columns(pl.col("month").dt.strftime("%Y-%m")),
            totals_df.with_columns(pl.lit("total").alias("month")).select(
                "partner", "month", *value_columns, "patients"
            ),
        ],
        how="diagonal",
    ).sort("partner", "month")
    table.select("partner", "month", *value_columns, "patients").write_csv(out)


if __name__ == "__main__":
    main(*sys.argv[1:5])
