"""Superset settings for `make bi-check`: metadata in SQLite under .local/bi, Jinja templating on
(the search chart reads the dashboard URL's ?q=), no example data, no outside calls."""
import os

_home = os.environ["ARTICLED_BI_HOME"]
SECRET_KEY = os.environ["ARTICLED_BI_SECRET"]
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(_home, "superset.db")
DATA_DIR = _home
FEATURE_FLAGS = {"ENABLE_TEMPLATE_PROCESSING": True}
# The check talks to the API with a JWT from /api/v1/security/login; a browser session is not used.
WTF_CSRF_ENABLED = False
TALISMAN_ENABLED = False
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
# The metadata store needs no migrations check against a network and no telemetry.
SCARF_ANALYTICS = False
PREVENT_UNSAFE_DB_CONNECTIONS = False
