"""The policy as pages per role, with clause anchors; versions, approval, acknowledgement."""
