#!/usr/bin/env python3
"""Checks the imported articled dashboard through Superset's REST API, as a BI user would reach it:
every chart's saved query runs against articled and returns rows, and every dataset's column
descriptions are the column comments of its view. Runs inside the Superset venv, with Superset's
Flask test client (no web server, no port). Exits 1 on any failure.

    SUPERSET_CONFIG_PATH=bi/superset_config.py python bi/check_superset.py DSN ADMIN_PASSWORD

DSN is a libpq connection string of the same database as the read-only role sees it, used to read
the comments to compare with.
"""
import json
import sys
import time

import psycopg2


def fail(message):
    print("bi-check: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    dsn, password = sys.argv[1], sys.argv[2]

    from superset.app import create_app

    app = create_app()
    client = app.test_client()

    def api(method, path, body=None, token=None):
        headers = {"Authorization": "Bearer " + token} if token else {}
        response = client.open(path, method=method, json=body, headers=headers)
        if response.status_code >= 400:
            fail(f"{method} {path}: HTTP {response.status_code}: {response.get_data(as_text=True)[:600]}")
        return response.get_json()

    token = api("POST", "/api/v1/security/login",
                {"username": "admin", "password": password, "provider": "db", "refresh": False})["access_token"]

    dashboards = api("GET", "/api/v1/dashboard/?q=(filters:!((col:slug,opr:eq,value:articled)))", token=token)
    if dashboards["count"] != 1:
        fail("the articled dashboard was not imported")
    dashboard = dashboards["result"][0]
    charts = api("GET", f"/api/v1/dashboard/{dashboard['id']}/charts", token=token)["result"]
    print(f"dashboard {dashboard['dashboard_title']!r}: {len(charts)} charts")
    if len(charts) < 4:
        fail(f"expected at least 4 charts on the dashboard, found {len(charts)}")

    # An imported dataset has no columns until Superset reads them from the database ("Sync columns
    # from source"); that is also when it takes the column comments as descriptions.
    every = api("GET", "/api/v1/dataset/?q=(page_size:100)", token=token)["result"]
    datasets = {d["id"] for d in every if d.get("schema") == "articled"}
    for dataset_id in sorted(datasets):
        api("PUT", f"/api/v1/dataset/{dataset_id}/refresh", token=token)

    failures = []
    for summary in sorted(charts, key=lambda c: c["slice_name"]):
        chart = api("GET", f"/api/v1/chart/{summary['id']}", token=token)["result"]
        if not chart.get("query_context"):
            failures.append(f"{chart['slice_name']}: no saved query context")
            continue
        # The bundle's query context names the dataset by its id in the exporting Superset; the chart
        # knows its dataset here.
        datasource_id, datasource_type = summary["form_data"]["datasource"].split("__")
        datasets.add(int(datasource_id))
        context = json.loads(chart["query_context"])
        context["datasource"] = {"id": int(datasource_id), "type": datasource_type}
        context["form_data"]["datasource"] = summary["form_data"]["datasource"]
        started = time.monotonic()
        result = api("POST", "/api/v1/chart/data", context, token=token)["result"][0]
        elapsed = (time.monotonic() - started) * 1000
        rows = result.get("rowcount") or len(result.get("data") or [])
        if result.get("error"):
            failures.append(f"{chart['slice_name']}: {result['error']}")
        elif rows == 0:
            failures.append(f"{chart['slice_name']}: no rows")
        print(f"  chart {chart['slice_name']!r:52} {chart['viz_type']:24} {rows:6d} rows  {elapsed:7.0f} ms")

    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        for dataset_id in sorted(datasets):
            dataset = api("GET", f"/api/v1/dataset/{dataset_id}", token=token)["result"]
            name = dataset["table_name"]
            columns = {c["column_name"]: c.get("description") for c in dataset["columns"]}
            if not columns:
                failures.append(f"dataset {name}: no columns")
                continue
            if dataset.get("sql"):
                print(f"  dataset {name:20} {len(columns):3d} columns (SQL dataset: {dataset['sql'].splitlines()[-1][:60]}...)")
                continue
            cursor.execute(
                "SELECT a.attname, col_description(a.attrelid, a.attnum) FROM pg_attribute a"
                " WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                (f"articled.{name}",))
            comments = dict(cursor.fetchall())
            wrong = [c for c in columns if not comments.get(c) or columns[c] != comments[c]]
            if wrong:
                failures.append(f"dataset {name}: description is not the column comment for {', '.join(wrong)}"
                                f" (e.g. {wrong[0]}: {columns[wrong[0]]!r} vs {comments.get(wrong[0])!r})")
            print(f"  dataset {name:20} {len(columns):3d} columns, {len(columns) - len(wrong):3d} described from comments")

    if failures:
        for failure in failures:
            print("bi-check: FAIL: " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"bi-check: {len(charts)} charts returned rows; {len(datasets)} datasets carry the view comments")


if __name__ == "__main__":
    main()
