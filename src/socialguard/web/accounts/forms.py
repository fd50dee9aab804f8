"""Adding a member to a school: an existing user by name, or a new one."""

from __future__ import annotations

from django import forms

from socialguard.web.accounts.roles import ROLE_LABELS, ROLES, TRUST_EXEC
from socialguard.web.schools.models import Person, School


class MemberForm(forms.Form):
    username = forms.CharField(max_length=150, label="User name",
                               help_text="An existing user, or a new one created now")
    first_name = forms.CharField(max_length=150, required=False, label="First name (new users)")
    last_name = forms.CharField(max_length=150, required=False, label="Last name (new users)")
    email = forms.EmailField(required=False, label="Email (new users)")
    role = forms.ChoiceField(choices=[(r, ROLE_LABELS[r]) for r in ROLES if r != TRUST_EXEC])
    children = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(), required=False, label="Children (parents only)",
        help_text="Hold Ctrl (or Cmd) to choose several",
        widget=forms.SelectMultiple(attrs={"size": 8}))

    def __init__(self, *args, school: School, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["children"].queryset = school.people.filter(role="pupil", left_on__isnull=True) \
            .order_by("last_name", "first_name")

    def clean(self):
        data = super().clean()
        if data.get("role") == "parent" and not data.get("children"):
            self.add_error("children", forms.ValidationError(
                "Choose the parent's children.", code="parent_children"))
        if data.get("role") != "parent" and data.get("children"):
            self.add_error("children", forms.ValidationError(
                "Only a parent is linked to children.", code="children_not_parent"))
        return data
