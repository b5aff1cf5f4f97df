from pathlib import Path

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from rest_framework_simplejwt.views import TokenBlacklistView, TokenRefreshView

from customers import views

WEBCLIENT_DIR = Path(__file__).resolve().parent.parent / "webclient"

urlpatterns = [
    path("api/register/", views.RegisterView.as_view()),
    path("api/login/", views.LoginView.as_view()),
    path("api/logout/", views.LogoutView.as_view()),
    path("api/profile/", views.ProfileView.as_view()),
    path("api/customers/", views.CustomerListView.as_view()),
    path("api/customers/<int:pk>/", views.CustomerDetailView.as_view()),
    path("api/customers/<int:pk>/history/", views.CustomerHistoryView.as_view()),
    path("api/token/", views.TokenObtainView.as_view()),
    path("api/token/refresh/", TokenRefreshView.as_view()),
    path("api/token/blacklist/", TokenBlacklistView.as_view()),
    # The seed's web client (../webclient/: index.html, client.js and the benchmark's bench.js),
    # which tests/benchmarks/bench_web.py loads in headless Chromium. Static files only; serve()
    # refuses paths outside the folder.
    path("web/", serve, {"path": "index.html", "document_root": WEBCLIENT_DIR}),
    re_path(r"^web/(?P<path>[A-Za-z0-9_.-]+)$", serve, {"document_root": WEBCLIENT_DIR}),
]

if settings.PORTAL_SERVER_DJOSER:
    urlpatterns.append(path("auth/", include("portal_server.auth_urls")))
