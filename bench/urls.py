"""The product's URLs, and the framework floor the bench measures every page against (bench/floor.py)."""

from config.urls import urlpatterns as product_urlpatterns
from core.routes import partnership_path

from .floor import URL_NAME, floor

urlpatterns = [partnership_path("banc/plancher/", floor, name=URL_NAME), *product_urlpatterns]
