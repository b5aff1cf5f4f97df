from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class Customer(AbstractUser):
    birth_date = models.DateField(null=True, blank=True)

    class Meta(AbstractUser.Meta):
        # For the staff list with many customers (seed_customers makes 100,000). Each index orders
        # by one of the list's ordering fields (username's unique index exists already) and carries
        # the searched fields, so a search (LIKE '%term%', which no index can seek) is tested on the
        # index while it is read in order, and only matching rows are fetched from the table. Single
        # field indexes made deep pages fast but a rare search term slow (150 ms: SQLite walked the
        # index and fetched every row); without indexes page 500 by last name took 200 ms to sort.
        indexes = [
            models.Index(fields=["email", "username", "first_name", "last_name"],
                         name="customer_email_idx"),
            models.Index(fields=["first_name", "username", "email", "last_name"],
                         name="customer_first_name_idx"),
            models.Index(fields=["last_name", "username", "email", "first_name"],
                         name="customer_last_name_idx"),
            models.Index(fields=["date_joined", "username", "email", "first_name", "last_name"],
                         name="customer_date_joined_idx"),
        ]


class CustomerChange(models.Model):
    """One edit of a customer's editable fields: changes is {field: [old, new]}."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField()

    class Meta:
        ordering = ["-at", "-id"]
