import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from rest_framework_simplejwt.tokens import RefreshToken


class Command(BaseCommand):
    help = ("Print {access, refresh} for USERNAME as the token endpoint would issue them; with "
            "--expired-access the access token has already expired (the refresh token is valid).")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--expired-access", action="store_true")

    def handle(self, *args, **options):
        user = get_user_model().objects.get(username=options["username"])
        refresh = RefreshToken.for_user(user)
        access = refresh.access_token
        if options["expired_access"]:
            access.set_exp(lifetime=-timedelta(seconds=1))
        self.stdout.write(json.dumps({"access": str(access), "refresh": str(refresh)}))
