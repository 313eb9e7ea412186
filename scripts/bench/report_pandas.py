"""The monthly activity report by partner, in Python pandas (the benchmark's reference).

    python report_pandas.py LOG.csv START END OUT.csv

Same definitions and same output as `report_polars.py` (see its docstring): per partner and
month in person, phone, video, total, new patients (first interview with the partner
within the period) and distinct patients, every month of the period for every partner seen in it, and a totals row
per partner with the distinct patients. Idiomatic pandas: `read_csv` with the default C
engine and an explicit ISO date format, categorical modality, `groupby`.
"""

import sys

import pandas as pd


def main(path: str, start: str, end: str, out: str) -> None:
    log = pd.read_csv(
        path,
        dtype={"partner": str, "patient": str, "modality": "category"},
        parse_dates=["date"],
        date_format="%Y-%m-%d",
    )
    log = log[(log["date"] >= pd.Timestamp(start)) & (log["date"] <= pd.Timestamp(end))]
    log = log.assign(month=log["date"].dt.to_period("M"))

    counts = (
        log.groupby(["partner", "month", "modality"], observed=True)
        .size()
        .unstack("modality", fill_value=0)
        .reindex(columns=["in_person", "phone", "video"], fill_value=0)
    )
    firsts = log.groupby(["partner", "patient"], observed=True)["month"].min()
    new_patients = firsts.groupby(level="partner").value_counts().rename("new_patients")
    new_patients.index = new_patients.index.set_names(["partner", "month"])
    patients = firsts.groupby(level="partner").size().rename("patients")
    bucket_patients = log.groupby(["partner", "month"], observed=True)["patient"].nunique()

    partners = counts.index.get_level_values("partner").unique().sort_values()
    months = pd.period_range(start, end, freq="M")
    grid = pd.MultiIndex.from_product([partners, months], names=["partner", "month"])
    rows = counts.reindex(grid, fill_value=0)
    rows["total"] = rows[["in_person", "phone", "video"]].sum(axis=1)
    rows["new_patients"] = new_patients.reindex(grid, fill_value=0)
    rows = rows.astype("int64")

    totals = rows.groupby(level="partner").sum()
    totals["patients"] = patients
    rows["patients"] = bucket_patients.reindex(grid, fill_value=0).astype("int64")
    totals = totals.reset_index().assign(month="total")
    rows = rows.reset_index()
    rows["month"] = rows["month"].dt.strftime("%Y-%m")
    columns = ["partner", "month", "in_person", "phone", "video", "total", "new_patients"]
    table = pd.concat([rows[columns + ["patients"]], totals[columns + ["patients"]]],
                      ignore_index=True)
    table["patients"] = table["patients"].astype("Int64")
    table.sort_values(["partner", "month"], kind="stable").to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:5])
