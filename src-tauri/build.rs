fn main() {
    // Declaring the app's commands makes each one need a permission, which the window's
    // capability (capabilities/main.json) grants one by one.
    let commands = &[
        "login",
        "logout",
        "current_operator",
        "search_customers",
        "suggest_support_emails",
        "find_support_messages",
        "load_customer",
        "add_contact",
        "save_draft",
        "load_draft",
        "discard_draft",
        "reserve_protocol",
        "save_ticket",
        "find_ticket",
        "ticket_history",
        "list_ticket_types",
        "list_assignees",
        "pick_attachment",
        "load_work_order_catalog",
        "load_agenda",
        "reschedule_visit",
        "export_agenda_ics",
        "list_scripts",
        "load_script",
        "publish_script",
        "list_tickets",
        "load_ticket_details",
        "update_ticket",
        "my_tasks",
        "complete_task",
        "list_email_templates",
        "preview_email",
        "admin_list_email_templates",
        "save_email_template",
        "delete_email_template",
        "load_smtp_settings",
        "save_smtp_settings",
        "load_sync_status",
        "sync_now",
        "register_desktop",
    ];
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
