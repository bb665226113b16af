"""{% finding_in_votes finding %}: on a finding's page (Outil 5), where it stood in Outil 8's closed votes."""

from django import template

from analysis.models import Finding

from .. import selectors

register = template.Library()


@register.inclusion_tag("priorities/_finding_in_votes.html", takes_context=True)
def finding_in_votes(context: template.Context, finding: Finding) -> dict:
    return {"standings": selectors.finding_in_votes(finding), "slug": context["access"].partnership.slug}
