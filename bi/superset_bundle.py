#!/usr/bin/env python3
"""Zips bi/superset/ into an import bundle for `superset import-dashboards`, with the database's
SQLAlchemy URI replaced by the one given (the repository keeps a placeholder for a real deployment).

    bi/superset_bundle.py OUT.zip "postgresql+psycopg2://articled_bi@/articled?host=/path/to/socketdir"
"""
import os
import sys
import zipfile

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "superset")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    out, uri = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for folder, _, names in sorted(os.walk(ROOT)):
            for name in sorted(names):
                if not name.endswith(".yaml"):
                    continue
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, ROOT)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                if relative.startswith("databases" + os.sep):
                    config = yaml.safe_load(text)
                    config["sqlalchemy_uri"] = uri
                    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
                # Superset wants every file under one top-level folder of the archive.
                bundle.writestr(os.path.join("articled_dashboard", relative), text)
    print(out)


if __name__ == "__main__":
    main()
