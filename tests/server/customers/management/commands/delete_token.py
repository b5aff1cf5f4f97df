from django.core.management.base import BaseCommand
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Delete USERNAME's DRF token, so the client's next request gets 401."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        count, _ = Token.objects.filter(user__username=options["username"]).delete()
        self.stdout.write("deleted %d" % count)
