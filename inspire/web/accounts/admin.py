from django.contrib import admin

from inspire.web.accounts.models import Membership, Person


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "authority", "role")
    list_filter = ("role", "authority")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "authority")
    list_filter = ("authority",)
    search_fields = ("name",)
