"""The monthly activity report by partner, in DuckDB SQL (a peer of the benchmark).

    python report_duckdb.py LOG.csv START END OUT.csv

The same table as `report_polars.py` (see its docstring for the definitions): per partner
and month the interviews in person, by phone, by video, their total and the new patients
(first interview with that partner within the period) and the distinct patients of the
month, every month of the period for every partner seen in it, and per partner a totals row
with the distinct patients of the period. Writes
`partner,month,in_person,phone,video,total,new_patients,patients`. One SQL statement over
`read_csv`, on every core DuckDB sees (its default), written with `COPY`.
"""

import sys

import duckdb

QUERY = """
COPY (
WITH log AS (
    SELECT partner, patient, modality, date_trunc('month', "date") AS month
    FROM read_csv(?, header = true,
                  columns = {'date': 'DATE', 'partner': 'VARCHAR',
                             'patient': 'VARCHAR', 'modality': 'VARCHAR'})
    WHERE "date" BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
),
counts AS (
    SELECT partner, month,
           count(*) FILTER (WHERE modality = 'in_person') AS in_person,
           count(*) FILTER (WHERE modality = 'phone') AS phone,
           count(*) FILTER (WHERE modality = 'video') AS video,
           count(*) AS total,
           count(DISTINCT patient) AS patients
    FROM log GROUP BY partner, month
),
firsts AS (
    SELECT partner, patient, min(month) AS month FROM log GROUP BY partner, patient
),
new_patients AS (
    SELECT partner, month, count(*) AS new_patients FROM firsts GROUP BY partner, month
),
months AS (
    SELECT CAST(m AS DATE) AS month
    FROM range(CAST(? AS DATE), CAST(? AS DATE) + INTERVAL 1 DAY, INTERVAL 1 MONTH) t(m)
),
grid AS (
    SELECT p.partner, m.month FROM (SELECT DISTINCT partner FROM counts) p CROSS JOIN months m
),
rows AS (
    SELECT g.partner, g.month,
           coalesce(c.in_person, 0) AS in_person, coalesce(c.phone, 0) AS phone,
           coalesce(c.video, 0) AS video, coalesce(c.total, 0) AS total,
           coalesce(n.new_patients, 0) AS new_patients, coalesce(c.patients, 0) AS patients
    FROM grid g
    LEFT JOIN counts c ON c.partner = g.partner AND c.month = g.month
    LEFT JOIN new_patients n ON n.partner = g.partner AND n.month = g.month
),
period_patients AS (
    SELECT partner, count(*) AS patients FROM firsts GROUP BY partner
),
totals AS (
    SELECT r.partner, sum(in_person) AS in_person, sum(phone) AS phone, sum(video) AS video,
           sum(total) AS total, sum(new_patients) AS new_patients, any_value(p.patients) AS patients
    FROM rows r JOIN period_patients p ON p.partner = r.partner GROUP BY r.partner
)
SELECT partner, strftime(month, '%Y-%m') AS month, in_person, phone, video, total,
       new_patients, patients
FROM rows
UNION ALL
SELECT partner, 'total', in_person, phone, video, total, new_patients, patients FROM totals
ORDER BY partner, month
) TO '{out}' (HEADER, DELIMITER ',')
"""


def main(path: str, start: str, end: str, out: str) -> None:
    con = duckdb.connect()
    con.execute(QUERY.replace("{out}", out.replace("'", "''")), [path, start, end, start, end])


if __name__ == "__main__":
    main(*sys.argv[1:5])
