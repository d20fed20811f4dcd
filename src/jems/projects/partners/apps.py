from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "jems.projects.partners"
    label = "project_partners"
    verbose_name = "Project partners (B.1)"

    def ready(self):
        from jems.projects.access import EXTRA_PROJECTS_OF_USER, EXTRA_VIEWERS
        from jems.projects.services import SNAPSHOT_PARTS

        from .queries import snapshot_part
        from .teams import projects_of_user, viewers_of_project

        if snapshot_part not in SNAPSHOT_PARTS:
            SNAPSHOT_PARTS.append(snapshot_part)
        if viewers_of_project not in EXTRA_VIEWERS:
            EXTRA_VIEWERS.append(viewers_of_project)
        if projects_of_user not in EXTRA_PROJECTS_OF_USER:
            EXTRA_PROJECTS_OF_USER.append(projects_of_user)
        from jems.projects.services import register_restore

        from .restore import RANK, STATE_AID_RANK, restore, restore_state_aid

        register_restore(RANK, restore)
        register_restore(STATE_AID_RANK, restore_state_aid)
