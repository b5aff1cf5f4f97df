from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class Customer(AbstractUser):
    birth_date = models.DateField(null=True, blank=True)


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
