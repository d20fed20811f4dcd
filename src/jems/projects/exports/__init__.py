"""Project exports: the application-form PDF (standard APPLICATION_FORM_EXPORT plugin) and the project Export
page and API (ProjectExportApi)."""
