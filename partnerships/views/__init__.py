"""Views of the partnerships app, one module per area: dashboard and profile, members, invitations, administration."""
