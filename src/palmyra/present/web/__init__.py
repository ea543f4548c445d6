"""The local web UI: ``create_app(store_path)`` returns the FastAPI application."""

from palmyra.present.web.app import create_app

__all__ = ["create_app"]
