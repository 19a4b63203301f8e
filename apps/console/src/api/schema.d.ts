// Generated from openapi.json sha256:b665af557915f2c79e361dcbe9405276ec6e6c18ca999d9efb44bd03e9e39a4d. Do not edit.
export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secrets) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Create an API key (its secret is shown once) */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (never their passwords) */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user who signs in with an email and a password */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user (only the fields sent); disabling ends their sessions
         * @description Refused (409) when it would disable or demote the last enabled admin user, or when an admin would disable or demote themself.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a user a one-time password, to change at next sign-in; their sessions end */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and the CSRF token their changes send in X-CSRF-Token */
        get: operations["SessionController_get"];
        put?: never;
        /**
         * Sign in with an email and a password: sets the session cookie
         * @description Sets an `HttpOnly; SameSite=Strict` cookie. Five refused sign-ins of one email within 15 minutes lock it for 15 minutes; every refusal is the same 401.
         */
        post: operations["SessionController_signIn"];
        /** Sign out: the session ends and its cookie is cleared */
        delete: operations["SessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password: every session of yours ends, this one is renewed
         * @description Clears `mustChangePassword`. The answer holds the new session and its new CSRF token; the cookie is replaced.
         */
        post: operations["SessionController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List businesses */
        get: operations["BusinessesController_list"];
        put?: never;
        /** Create a business (a hotel, a law firm or other) that invoices calls */
        post: operations["BusinessesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a business */
        get: operations["BusinessesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a business (only the fields sent) */
        patch: operations["BusinessesController_update"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, a database ping, each enabled source's last sync and Xima's reachability */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List rate plans */
        get: operations["RatePlansController_list"];
        put?: never;
        /** Create a rate plan (its version 1) */
        post: operations["RatePlansController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a rate plan with its versions */
        get: operations["RatePlansController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{id}/versions/{a}/diff/{b}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed from version a to version b of a rate plan
         * @description Versions by their numbers, in either order (the same twice: no change). Rows of the plan’s tables are matched by what identifies them (a destination by its prefix, a rate by its class), so a row inserted or rows reordered show as what they are.
         */
        get: operations["RatePlansController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a version of a rate plan, in force from an instant */
        post: operations["RatePlansController_addVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{id}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Quote records with a rate plan: a dry run that stores nothing */
        post: operations["RatePlansController_quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rate-plans/{id}/rate-table": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a version whose destinations and rates come from a carrier's CSV rate table */
        post: operations["RatePlansController_importRateTable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sources */
        get: operations["SourcesController_list"];
        put?: never;
        /** Create a source: a Xima report to pull, rated with a plan */
        post: operations["SourcesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a source */
        get: operations["SourcesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a source (only the fields sent) */
        patch: operations["SourcesController_update"];
        trace?: never;
    };
    "/api/v1/sources/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull and rate a window of a source's calls now */
        post: operations["SyncController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sync runs, newest first */
        get: operations["SyncController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a sync run */
        get: operations["SyncController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync-runs/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the rows a sync run could not read or rate, with why */
        get: operations["SyncController_errors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, reject, assign or reset many items at once: all of them or none */
        post: operations["ReviewController_bulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/re-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate the matched items again, after a plan change */
        post: operations["ReviewController_reRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a line item for invoicing */
        post: operations["ReviewController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a line item: it is not billed (reset undoes this) */
        post: operations["ReviewController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust the amount billed for a line item */
        post: operations["ReviewController_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a line item to another billing account */
        post: operations["ReviewController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset an approved or rejected line item, to review it again */
        post: operations["ReviewController_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find line items: filters, pages in start-time order, totals of all matched */
        get: operations["LineItemsController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export every line item the filter matches as CSV */
        get: operations["LineItemsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a line item with its rating, call record, plan and history */
        get: operations["LineItemsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the audit trail, newest first, a page at a time */
        get: operations["AuditEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/line-items/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A law firm's item that needs a matter: the likely matters, best first */
        get: operations["MatterSuggestionsController_suggest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}/matters/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a law firm's matter list (CSV or JSON), all or nothing
         * @description Each row adds or updates a matter by (clientNumber, matterNumber); matters the file does not name are kept as they are (`notInFile`). A file with any problem changes nothing: every problem is listed by line. At most 100000 rows. When anything changed, the law book version is bumped and the firm’s unsettled items are re-validated in the same transaction; the same file again changes nothing.
         */
        post: operations["MattersController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}/matters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a firm's matters by client and matter number, a page at a time */
        get: operations["MattersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}/timekeepers/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace a law firm's timekeeper list (CSV or JSON), all or nothing
         * @description Each row says who used an extension from a date on (`effectiveFrom` empty: since always); the file is the whole list, history included. A file with any problem changes nothing: every problem is listed by line. At most 100000 rows. The same file again changes nothing.
         */
        post: operations["TimekeepersController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}/timekeepers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a firm's timekeepers, by extension then date */
        get: operations["TimekeepersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}/matter-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a firm's matter rules by client, matter and date */
        get: operations["MatterRulesController_list"];
        put?: never;
        /** Add a client or matter rule (no charge, a markup, a rate plan) from a date on */
        post: operations["MatterRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/businesses/{id}/matter-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a matter rule: its calls are charged as before it */
        delete: operations["MatterRulesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find invoices: filters, pages newest first, no lines */
        get: operations["InvoicesController_list"];
        put?: never;
        /** Draft an invoice of a billing account's approved items in a period */
        post: operations["InvoicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft an invoice for every account with approved items in a period */
        post: operations["InvoicesController_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export many invoices as one ZIP, a file each */
        get: operations["InvoicesController_archive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finalize many drafts, each on its own, with a report of each */
        post: operations["InvoicesController_finalizeMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an invoice with its lines */
        get: operations["InvoicesController_get"];
        put?: never;
        post?: never;
        /** Delete a draft: its items can be invoiced again */
        delete: operations["InvoicesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export an invoice as a file: csv, json, ledes1998b, pms, pdf, or disbursements with a template */
        get: operations["InvoicesController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Collect a draft's lines again (items approved or changed since) */
        post: operations["InvoicesController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finalize a draft: it takes its business's next number */
        post: operations["InvoicesController_finalize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a finalized invoice: its number and totals are kept */
        post: operations["InvoicesController_void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an invoice's deliveries to its billing system, attempt by attempt */
        get: operations["DeliveriesController_log"];
        put?: never;
        /** Deliver a finalized invoice to its billing system again, now */
        post: operations["DeliveriesController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stays/{id}/call-detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stay's call detail for the guest: the calls posted to its folio (and the reservation's other rooms'), as PDF or CSV */
        get: operations["CallDetailController_callDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each source's last sync and lag, errors of its last runs, and items waiting for review with their sums */
        get: operations["OverviewController_sources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calls and billed amounts per local day (every day of the range, none left out) */
        get: operations["OverviewController_daily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/top": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The top billing accounts or destinations of a period, by charges */
        get: operations["OverviewController_top"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pms-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List PMS links with their state and queue */
        get: operations["PmsLinksController_list"];
        put?: never;
        /** Link sources' rooms to a hotel's PMS (FIAS over TCP) */
        post: operations["PmsLinksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pms-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A PMS link: its settings, state, when it last heard the PMS, its queue */
        get: operations["PmsLinksController_get"];
        put?: never;
        post?: never;
        /** Delete a PMS link that never posted (else disable it) */
        delete: operations["PmsLinksController_delete"];
        options?: never;
        head?: never;
        /** Change a PMS link (only the fields sent); the link restarts */
        patch: operations["PmsLinksController_update"];
        trace?: never;
    };
    "/api/v1/pms-links/{id}/resync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the PMS for every guest in house (a database resync) */
        post: operations["PmsLinksController_resync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postings to the PMS, newest first: the queue and its exceptions */
        get: operations["PostingsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a posting */
        get: operations["PostingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an exception again, as it is */
        post: operations["PostingsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/reroute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post an exception to another room's guest in house */
        post: operations["PostingsController_reroute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/post-late": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post an exception to its checked-out guest's folio as a late charge */
        post: operations["PostingsController_postLate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/write-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write an exception off: never posted, its line item rejected */
        post: operations["PostingsController_writeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a posted charge: a new posting of its negative amount (never an edit) */
        post: operations["PostingsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Guest stays as the PMS told them: by room, instant or reservation */
        get: operations["StaysController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a stay */
        get: operations["StaysController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateApiKeyDto: {
            /** @example Front office */
            name: string;
            /**
             * @example accountant
             * @enum {string}
             */
            role: "viewer" | "accountant" | "admin";
        };
        CreatedApiKeyView: {
            id: number;
            name: string;
            /** @enum {string} */
            role: "viewer" | "accountant" | "admin";
            /** @enum {string} */
            origin: "api" | "cli" | "bootstrap" | "demo";
            /** @example xbk_Ab12Cd */
            keyPrefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description The key itself: shown this once, never again. */
            key?: string;
        };
        ErrorDetailView: {
            /** @example periodEnd */
            field: string;
            /** @example periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00) */
            message: string;
        };
        ErrorView: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /** @description What is wrong, in words a person can act on. */
            message: string;
            /** @description One entry a failing field, by its path (`rates.uk.perMinute`). */
            details?: components["schemas"]["ErrorDetailView"][];
        };
        ApiKeyView: {
            id: number;
            name: string;
            /** @enum {string} */
            role: "viewer" | "accountant" | "admin";
            /** @enum {string} */
            origin: "api" | "cli" | "bootstrap" | "demo";
            /** @example xbk_Ab12Cd */
            keyPrefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        ApiKeyListView: {
            items: components["schemas"]["ApiKeyView"][];
        };
        CreateUserDto: {
            /** @example ana.ortiz@grandhotel.example */
            email: string;
            /** @example Ana Ortiz */
            name: string;
            /**
             * @example accountant
             * @enum {string}
             */
            role: "viewer" | "accountant" | "admin";
            /**
             * @description The password the person signs in with. Leave it out to get a one-time password in the answer, which must be changed at first sign-in.
             * @example a long passphrase of your own
             */
            password?: string;
        };
        UserWithPasswordView: {
            id: number;
            /** @example ana.ortiz@grandhotel.example */
            email: string;
            /** @example Ana Ortiz */
            name: string;
            /** @enum {string} */
            role: "viewer" | "accountant" | "admin";
            /** @description The user must change their password before anything else. */
            mustChangePassword: boolean;
            disabled: boolean;
            createdAt: string;
            updatedAt: string;
            /**
             * @description A one-time password, shown this once: the person signs in with it and must change it. Absent when the password was given in the request.
             * @example k7m2q-x9dfr-4hwtz-bn3pe
             */
            password?: string;
        };
        UserView: {
            id: number;
            /** @example ana.ortiz@grandhotel.example */
            email: string;
            /** @example Ana Ortiz */
            name: string;
            /** @enum {string} */
            role: "viewer" | "accountant" | "admin";
            /** @description The user must change their password before anything else. */
            mustChangePassword: boolean;
            disabled: boolean;
            createdAt: string;
            updatedAt: string;
        };
        UserListView: {
            items: components["schemas"]["UserView"][];
        };
        UpdateUserDto: {
            /** @example ana.ortiz@grandhotel.example */
            email?: string;
            /** @example Ana Ortiz */
            name?: string;
            /**
             * @example viewer
             * @enum {string}
             */
            role?: "viewer" | "accountant" | "admin";
            /**
             * @description A disabled user cannot sign in, and their sessions end at once.
             * @example true
             */
            disabled?: boolean;
        };
        SignInDto: {
            /** @example ana.ortiz@grandhotel.example */
            email: string;
            /** @example a long passphrase of hers */
            password: string;
        };
        SessionView: {
            user: components["schemas"]["UserView"];
            /**
             * @description Send it as `X-CSRF-Token` with every request of this session that is not GET or HEAD.
             * @example mQ3f5xN0cB8kq1VtY7uR2wZp4sLd9aHe6GjTi0oKvXy
             */
            csrfToken: string;
            /**
             * @description The session ends after this many minutes without a request.
             * @example 30
             */
            idleMinutes: number;
            /**
             * @description When the session ends however busy it is: its sign-in plus `SESSION_MAX_HOURS` (a password change starts a new one).
             * @example 2026-03-10T21:00:00.000Z
             */
            expiresAt: string;
        };
        ChangePasswordDto: {
            /** @example k7m2q-x9dfr-4hwtz-bn3pe */
            currentPassword: string;
            /** @example a new passphrase of her own */
            newPassword: string;
        };
        CreateBusinessDto: {
            /** @example Grand Hotel Denver */
            name: string;
            /**
             * @example hotel
             * @enum {string}
             */
            kind: "hotel" | "law-firm" | "other";
            /** @example America/Denver */
            timezone: string;
            /**
             * @description The address as printed on invoices, a line each (at most 6).
             * @example [
             *       "1550 Court Place",
             *       "Denver, CO 80202",
             *       "United States"
             *     ]
             */
            address?: string[];
            /** @example 84-1234567 */
            taxId?: string | null;
            /**
             * @description Starts its invoice numbers: `GH-2026-000001`. 1 to 12 capital letters or digits.
             * @example GH
             */
            invoicePrefix: string;
            /** @example Due on receipt */
            paymentTerms?: string | null;
        };
        BusinessView: {
            id: number;
            name: string;
            /** @enum {string} */
            kind: "hotel" | "law-firm" | "other";
            timezone: string;
            address: string[];
            taxId?: string | null;
            invoicePrefix: string;
            paymentTerms?: string | null;
            /** @description Sources created without a businessId belong to it. */
            isDefault: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        BusinessListView: {
            items: components["schemas"]["BusinessView"][];
        };
        UpdateBusinessDto: {
            /** @example Grand Hotel Denver */
            name?: string;
            /**
             * @example hotel
             * @enum {string}
             */
            kind?: "hotel" | "law-firm" | "other";
            /** @example America/Denver */
            timezone?: string;
            /**
             * @description The address as printed on invoices, a line each (at most 6).
             * @example [
             *       "1550 Court Place",
             *       "Denver, CO 80202",
             *       "United States"
             *     ]
             */
            address?: string[];
            /** @example 84-1234567 */
            taxId?: string | null;
            /**
             * @description Starts its invoice numbers: `GH-2026-000001`. 1 to 12 capital letters or digits.
             * @example GH
             */
            invoicePrefix?: string;
            /** @example Due on receipt */
            paymentTerms?: string | null;
        };
        IndicatorView: {
            /** @enum {string} */
            status: "up" | "down";
            /** @description Milliseconds the ping took. */
            responseTime: number;
        };
        DatabaseIndicatorsView: {
            database: components["schemas"]["IndicatorView"];
        };
        XimaHealthView: {
            /**
             * @description From the last request a sync made to Xima (Xima is not called by /health); `unknown` until this process's first sync.
             * @enum {string}
             */
            status: "reachable" | "unreachable" | "unknown";
            /** @example 2026-03-04T07:15:02.114Z */
            checkedAt: string | null;
            /** @description Why Xima is unreachable. */
            error: string | null;
        };
        LastSyncView: {
            runId: number;
            /** @enum {string} */
            status: "succeeded" | "failed";
            /** @enum {string} */
            trigger: "schedule" | "manual" | "cli" | "demo";
            /** @example 2026-03-02T07:00:00.000Z */
            from: string;
            /** @example 2026-03-04T07:00:00.000Z */
            to: string;
            startedAt: string;
            finishedAt: string | null;
            /**
             * @description Why the run failed (never the Xima token); null when it succeeded.
             * @example chunk 2026-03-03T07:00:00.000Z to 2026-03-04T06:59:59.999Z: Xima report "CALLDTLX": Xima answered 403. …
             */
            error: string | null;
        };
        SourceHealthView: {
            id: number;
            /** @example Grand Hotel room calls */
            name: string;
            /** @description A run of this source is going on now. */
            syncing: boolean;
            /** @description The last run that ended; null until one has. */
            lastSync: components["schemas"]["LastSyncView"] | null;
        };
        HealthView: {
            /**
             * @description `degraded` when an enabled source's last sync failed or Xima is unreachable: the service still answers, billing data is getting stale.
             * @enum {string}
             */
            status: "ok" | "degraded";
            info: components["schemas"]["DatabaseIndicatorsView"];
            /** @example {} */
            error: Record<string, never>;
            details: components["schemas"]["DatabaseIndicatorsView"];
            xima: components["schemas"]["XimaHealthView"];
            /** @description Every enabled source. */
            sources: components["schemas"]["SourceHealthView"][];
        };
        ExtensionRangeDto: {
            /** @example 1001 */
            from: string;
            /**
             * @description Not less than from (as numbers when both are)
             * @example 1999
             */
            to: string;
        };
        ExtensionBillingAccountDto: {
            /** @enum {string} */
            by: "extension";
            ranges: components["schemas"]["ExtensionRangeDto"][];
            /**
             * @description Put before the extension
             * @example ROOM-
             */
            prefix?: string;
        };
        AccountCodeBillingAccountDto: {
            /** @enum {string} */
            by: "accountCode";
            /**
             * @description Matched against the whole code; named groups client and matter only. No backreferences, lookbehinds or nested repetitions like (\d+)+; a code may be matched in at most 100 ways (docs/rating.md). Codes longer than 32 characters are never matched: needs-review.
             * @example ^(?<client>\d{5})-(?<matter>\d{3})$
             */
            pattern?: string;
        };
        TimeBandDto: {
            /**
             * @description Charged per call; the currency's decimals
             * @example 1.00
             */
            connectFee?: string;
            /**
             * @description Per minute; up to 6 decimals
             * @example 0.45
             */
            perMinute?: string;
            /**
             * @default 0
             * @example 60
             */
            firstIncrementSeconds: number;
            /**
             * @default 60
             * @example 6
             */
            incrementSeconds: number;
            /**
             * @description The currency's decimals
             * @example 3.00
             */
            minimumCharge?: string;
            /**
             * @description The currency's decimals
             * @example 150.00
             */
            maximumCharge?: string;
            /**
             * @example [
             *       "sat",
             *       "sun"
             *     ]
             */
            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
            /**
             * @description HH:MM, inclusive, in the plan time zone
             * @example 00:00
             */
            from: string;
            /**
             * @description HH:MM after from, exclusive; 24:00 ends the day
             * @example 24:00
             */
            to: string;
        };
        RateDto: {
            /**
             * @description Charged per call; the currency's decimals
             * @example 1.00
             */
            connectFee?: string;
            /**
             * @description Per minute; up to 6 decimals
             * @example 0.45
             */
            perMinute?: string;
            /**
             * @default 0
             * @example 60
             */
            firstIncrementSeconds: number;
            /**
             * @default 60
             * @example 6
             */
            incrementSeconds: number;
            /**
             * @description The currency's decimals
             * @example 3.00
             */
            minimumCharge?: string;
            /**
             * @description The currency's decimals
             * @example 150.00
             */
            maximumCharge?: string;
            /** @description No charge whatever the other fields say */
            free?: boolean;
            timeBands?: components["schemas"]["TimeBandDto"][];
        };
        TaxDto: {
            /**
             * @description Unique in the plan
             * @example State sales tax
             */
            name: string;
            /**
             * @description Percent of the amount, up to 6 decimals, <= 100
             * @example 6.25
             */
            ratePercent: string;
        };
        LedesDto: {
            /**
             * @description Letters, digits and -, 1 to 20
             * @example 24-6437381
             */
            lawFirmId?: string;
            /**
             * @description No |, [, ] or line breaks (LEDES separators)
             * @example Telephone charges
             */
            invoiceDescription?: string;
        };
        DialPlanDto: {
            /**
             * @description ISO 3166-1 alpha-2, as libphonenumber-js knows it
             * @example US
             */
            country: string;
            /**
             * @description The outside-line digits, 1 to 4
             * @example 9
             */
            accessCode?: string;
            /**
             * @description The home area code, for a country of the North American Numbering Plan: a local call dialed as 7 digits (first digit 2-9) gets it in front
             * @example 303
             */
            areaCode?: string;
        };
        DestinationDto: {
            /**
             * @description Leading digits; "" matches every number
             * @example 44
             */
            prefix: string;
            /**
             * @description A key of rates
             * @example uk
             */
            class: string;
        };
        PerCallPlanDto: {
            /** @example Grand Hotel guest calls */
            name: string;
            /** @enum {string} */
            kind: "per-call" | "account-summary";
            /**
             * @description ISO 4217, upper case
             * @example USD
             */
            currency: string;
            /**
             * @default half-up
             * @enum {string}
             */
            rounding: "half-up" | "half-even" | "up";
            taxes?: components["schemas"]["TaxDto"][];
            ledes?: components["schemas"]["LedesDto"];
            /**
             * @description IANA time zone of the time bands
             * @example America/Denver
             */
            timezone: string;
            dialPlan?: components["schemas"]["DialPlanDto"];
            /**
             * @default 0
             * @example 30
             */
            gracePeriodSeconds: number;
            /**
             * @description Percent; up to 6 decimals; may exceed 100, at most 1000
             * @example 0
             */
            markupPercent?: string;
            billingAccount: components["schemas"]["ExtensionBillingAccountDto"] | components["schemas"]["AccountCodeBillingAccountDto"];
            destinations: components["schemas"]["DestinationDto"][];
            /** @description Keyed by destination class */
            rates: {
                [key: string]: components["schemas"]["RateDto"];
            };
        };
        SummaryRateDto: {
            /**
             * @description Per call; up to 6 decimals
             * @example 0.10
             */
            perCall?: string;
            /**
             * @description Per minute; up to 6 decimals
             * @example 0.25
             */
            perMinute?: string;
            /**
             * @default 60
             * @example 60
             */
            incrementSeconds: number;
        };
        AccountOverrideDto: {
            /**
             * @description Per call; up to 6 decimals
             * @example 0.10
             */
            perCall?: string;
            /**
             * @description Per minute; up to 6 decimals
             * @example 0.25
             */
            perMinute?: string;
            /**
             * @default 60
             * @example 60
             */
            incrementSeconds: number;
            /**
             * @description Unique in the plan
             * @example 10234-001
             */
            accountCode: string;
        };
        AccountSummaryPlanDto: {
            /** @example Grand Hotel guest calls */
            name: string;
            /** @enum {string} */
            kind: "per-call" | "account-summary";
            /**
             * @description ISO 4217, upper case
             * @example USD
             */
            currency: string;
            /**
             * @default half-up
             * @enum {string}
             */
            rounding: "half-up" | "half-even" | "up";
            taxes?: components["schemas"]["TaxDto"][];
            ledes?: components["schemas"]["LedesDto"];
            /**
             * @description IANA time zone; default UTC
             * @example America/Denver
             */
            timezone?: string;
            billingAccount: components["schemas"]["AccountCodeBillingAccountDto"];
            summaryRate: components["schemas"]["SummaryRateDto"];
            accounts?: components["schemas"]["AccountOverrideDto"][];
        };
        RatePlanVersionView: {
            /** @example 2 */
            version: number;
            /** @example 2026-12-01T07:00:00.000Z */
            effectiveFrom: string;
            createdAt: string;
            /** @description The API key (or `cli`) that made the version. */
            createdBy: string;
            /** @description The plan document (docs/rating.md). */
            plan: Record<string, never>;
        };
        RatePlanView: {
            id: number;
            name: string;
            /** @enum {string} */
            kind: "per-call" | "account-summary";
            /** @example USD */
            currency: string;
            createdAt: string;
            updatedAt: string;
            versions: components["schemas"]["RatePlanVersionView"][];
        };
        RatePlanSummaryView: {
            id: number;
            name: string;
            /** @enum {string} */
            kind: "per-call" | "account-summary";
            /** @example USD */
            currency: string;
            createdAt: string;
            updatedAt: string;
        };
        RatePlanListView: {
            items: components["schemas"]["RatePlanSummaryView"][];
        };
        RatePlanVersionSummaryView: {
            /** @example 2 */
            version: number;
            /** @example 2026-12-01T07:00:00.000Z */
            effectiveFrom: string;
            createdAt: string;
            /** @description The API key (or `cli`) that made the version. */
            createdBy: string;
        };
        /**
         * @description The part of the plan: `settings` (top-level values), `dialPlan`, `billingAccount`, `summaryRate` and `ledes` (their values), or a table: `extensionRanges`, `taxes`, `destinations`, `rates`, `timeBands`, `accounts`.
         * @enum {string}
         */
        PlanDiffSection: "settings" | "dialPlan" | "billingAccount" | "extensionRanges" | "taxes" | "destinations" | "rates" | "timeBands" | "summaryRate" | "accounts" | "ledes";
        /**
         * @description `added` and `removed` are whole settings or rows; `changed` is one value of a setting, or one field of a row in both versions (`field`).
         * @enum {string}
         */
        PlanChangeKind: "added" | "removed" | "changed";
        PlanChangeView: {
            /**
             * @description The part of the plan: `settings` (top-level values), `dialPlan`, `billingAccount`, `summaryRate` and `ledes` (their values), or a table: `extensionRanges`, `taxes`, `destinations`, `rates`, `timeBands`, `accounts`.
             * @example rates
             */
            section: components["schemas"]["PlanDiffSection"];
            /**
             * @description `added` and `removed` are whole settings or rows; `changed` is one value of a setting, or one field of a row in both versions (`field`).
             * @example changed
             */
            kind: components["schemas"]["PlanChangeKind"];
            /**
             * @description The setting (its path in the section, `a.b`) or what identifies the row: a destination by its `prefix` (`""` is the catch-all), a rate by its class, a time band by `class: days from-to`, a tax by its name, an extension range by `from-to`, an account by its code. A time band change of `order` is keyed by its class.
             * @example long-distance
             */
            key: string;
            /**
             * @description The field of the row that changed; `order` for the time bands of a class listed in another order (the first band that covers a call prices it). Absent for settings and for whole rows.
             * @example perMinute
             */
            field?: string;
            /**
             * @description The value in version `from`: absent when added; a whole row when removed.
             * @example 0.45
             */
            before?: string | number | boolean | unknown[] | {
                [key: string]: unknown;
            };
            /**
             * @description The value in version `to`: absent when removed; a whole row when added.
             * @example 0.50
             */
            after?: string | number | boolean | unknown[] | {
                [key: string]: unknown;
            };
        };
        PlanDiffSummaryView: {
            /** @example 1 */
            added: number;
            /** @example 0 */
            removed: number;
            /** @example 2 */
            changed: number;
        };
        RatePlanVersionDiffView: {
            /** @example 1 */
            planId: number;
            /** @description Version `a` of the path. */
            from: components["schemas"]["RatePlanVersionSummaryView"];
            /** @description Version `b` of the path. */
            to: components["schemas"]["RatePlanVersionSummaryView"];
            /** @description By section (in the order of `section`’s values), then by key and field. Empty when the two versions are the same plan. */
            changes: components["schemas"]["PlanChangeView"][];
            summary: components["schemas"]["PlanDiffSummaryView"];
        };
        TaxView: {
            /** @example State sales tax */
            name: string;
            /** @example 6.25 */
            ratePercent: string;
            /** @example 0.09 */
            amount: string;
        };
        QuoteResult: {
            callId: string;
            /** @enum {string} */
            status: "pending" | "no-charge" | "needs-review" | "not-billable";
            reason: string | null;
            billingAccount?: string | null;
            /** @example 2026-03-10T14:05:00.000-06:00 */
            startTime?: string;
            extension?: string | null;
            accountCode?: string | null;
            dialedNumber?: string | null;
            normalizedNumber?: string | null;
            destinationPrefix?: string | null;
            destinationClass?: string | null;
            timeBand?: string | null;
            talkSeconds?: number;
            billedSeconds?: number;
            calls?: number;
            /** @example 1.50 */
            amount?: string;
            taxes?: components["schemas"]["TaxView"][];
            /** @example 1.59 */
            total?: string;
            /** @example USD */
            currency?: string;
            ratePlanId?: number;
            ratePlanVersion?: number;
            /** @description The exact charge before rounding. */
            charge?: string;
            /** @description The rate fields that priced the call. */
            rate?: Record<string, never>;
            /** @example 66 s billed: 60 s first increment + 1 x 6 s; 0.45/min -> 0.495; + 1.00 connect = 1.495 -> 1.50 */
            explanation?: string;
        };
        QuoteView: {
            /** @description One a record, in the order sent. */
            results: components["schemas"]["QuoteResult"][];
        };
        ImportRateTableDto: {
            /**
             * @description The CSV, a header row `prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge` then a row a prefix; empty cells are unset.
             * @example prefix,class,connectFee,perMinute,firstIncrementSeconds,incrementSeconds,minimumCharge,maximumCharge
             *     1,long-distance,1.00,0.45,60,6,,
             *     44,uk,2.00,1.20,60,60,3.00,
             */
            csv: string;
            /**
             * @description When the version takes effect (ISO-8601 with an offset); default: now.
             * @example 2027-01-01T00:00:00-07:00
             */
            effectiveFrom?: string;
        };
        CreateSourceDto: {
            /** @example Grand Hotel room calls */
            name: string;
            /**
             * @example call-records
             * @enum {string}
             */
            kind: "call-records" | "account-summary";
            /**
             * @description The report key from API Enablement.
             * @example LT39K5C5
             */
            historicDataKey: string;
            /** @example 1 */
            ratePlanId: number;
            /**
             * @description The business whose calls these are; the default business when left out.
             * @example 2
             */
            businessId?: number;
            /** @example America/Denver */
            timezone: string;
            /**
             * @example {
             *       "talkMs": [
             *         "Talk Time"
             *       ]
             *     }
             */
            columns?: {
                [key: string]: string[];
            };
            /**
             * @description Extra Xima request parameters, sent as they are; sync sets the timeframe.
             * @example []
             */
            parameters?: {
                [key: string]: unknown;
            }[];
            /**
             * @default true
             * @example true
             */
            enabled: boolean;
            /**
             * @description Approve pending line items at once.
             * @default false
             * @example false
             */
            autoApprove: boolean;
            /**
             * @description Overrides SYNC_CRON.
             * @example 0 * * * *
             */
            syncCron?: string | null;
            /**
             * @description Days per request to Xima.
             * @default 1
             * @example 1
             */
            chunkDays: number;
            /**
             * @description Minutes re-read before the watermark.
             * @default 60
             * @example 60
             */
            overlapMinutes: number;
            /**
             * @description Minutes before now left for Xima to settle.
             * @default 15
             * @example 15
             */
            settleMinutes: number;
            /**
             * @description Billing system that receives finalized invoices: https (http only to localhost), no user name or password; needs deliverySecret.
             * @example https://billing.example.com/hooks/invoices
             */
            deliveryUrl?: string | null;
            /**
             * @description HMAC secret for deliveries, 16 to 200 characters; write-only.
             * @example a-long-random-secret-shared-with-the-receiver
             */
            deliverySecret?: string | null;
        };
        SourceView: {
            id: number;
            name: string;
            /** @enum {string} */
            kind: "call-records" | "account-summary";
            historicDataKey: string;
            ratePlanId: number;
            /** @description The business whose calls these are. */
            businessId: number;
            timezone: string;
            columns?: Record<string, never> | null;
            parameters?: Record<string, never>[] | null;
            enabled: boolean;
            autoApprove: boolean;
            syncCron?: string | null;
            chunkDays: number;
            overlapMinutes: number;
            settleMinutes: number;
            /** @description Synced up to here. */
            watermark?: string | null;
            /** @description Without credentials; a query string shows as ?redacted (it may hold a token). */
            deliveryUrl?: string | null;
            /** @description Whether a delivery secret is set (it is never shown). */
            deliverySecretSet: boolean;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        SourceListView: {
            items: components["schemas"]["SourceView"][];
        };
        UpdateSourceDto: {
            /** @example Grand Hotel room calls */
            name?: string;
            /**
             * @example call-records
             * @enum {string}
             */
            kind?: "call-records" | "account-summary";
            /**
             * @description The report key from API Enablement.
             * @example LT39K5C5
             */
            historicDataKey?: string;
            /** @example 1 */
            ratePlanId?: number;
            /**
             * @description The business whose calls these are; the default business when left out.
             * @example 2
             */
            businessId?: number;
            /** @example America/Denver */
            timezone?: string;
            /**
             * @example {
             *       "talkMs": [
             *         "Talk Time"
             *       ]
             *     }
             */
            columns?: {
                [key: string]: string[];
            };
            /**
             * @description Extra Xima request parameters, sent as they are; sync sets the timeframe.
             * @example []
             */
            parameters?: {
                [key: string]: unknown;
            }[];
            /**
             * @default true
             * @example true
             */
            enabled: boolean;
            /**
             * @description Approve pending line items at once.
             * @default false
             * @example false
             */
            autoApprove: boolean;
            /**
             * @description Overrides SYNC_CRON.
             * @example 0 * * * *
             */
            syncCron?: string | null;
            /**
             * @description Days per request to Xima.
             * @default 1
             * @example 1
             */
            chunkDays: number;
            /**
             * @description Minutes re-read before the watermark.
             * @default 60
             * @example 60
             */
            overlapMinutes: number;
            /**
             * @description Minutes before now left for Xima to settle.
             * @default 15
             * @example 15
             */
            settleMinutes: number;
            /**
             * @description Billing system that receives finalized invoices: https (http only to localhost), no user name or password; needs deliverySecret.
             * @example https://billing.example.com/hooks/invoices
             */
            deliveryUrl?: string | null;
            /**
             * @description HMAC secret for deliveries, 16 to 200 characters; write-only.
             * @example a-long-random-secret-shared-with-the-receiver
             */
            deliverySecret?: string | null;
        };
        SyncRequestDto: {
            /**
             * @description From (included): a date-time with an offset, or a date meaning its midnight in the source's zone.
             * @example 2026-03-01
             */
            from?: string;
            /**
             * @description Before (excluded): a date is the midnight that starts it.
             * @example 2026-03-08
             */
            to?: string;
        };
        SyncRunView: {
            id: number;
            sourceId: number;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            trigger: string;
            from: string;
            to: string;
            fetched: number;
            inserted: number;
            duplicates: number;
            rated: number;
            noCharge: number;
            needsReview: number;
            errors: number;
            /** @description Requests to Xima that were retried. */
            retries: number;
            messages: string[];
            startedAt: string;
            finishedAt: string | null;
        };
        SyncRunListView: {
            items: components["schemas"]["SyncRunView"][];
        };
        RecordErrorView: {
            id: number;
            /**
             * @description Why the row was not stored as a record or rated.
             * @example no version of plan 1 is in force at 2026-03-01T06:59:00.000Z
             */
            reason: string;
            /** @description The row exactly as Xima sent it, as JSON text. */
            rawJson: string;
            createdAt: string;
        };
        RecordErrorListView: {
            items: components["schemas"]["RecordErrorView"][];
        };
        LineItemFilterDto: {
            /** @example 1 */
            sourceId?: number;
            /**
             * @description One status or several, comma-separated: `pending,needs-review`.
             * @example pending
             */
            status?: string[];
            /**
             * @description Rating's reason, one or several, comma-separated: `unknown-matter,closed-matter` (docs/law-firms.md).
             * @example unknown-matter
             */
            reason?: string[];
            /**
             * @description The extension that made the call.
             * @example 253
             */
            extension?: string;
            /**
             * @description The timekeeper's id (a law firm's items, docs/law-firms.md).
             * @example TK-014
             */
            timekeeper?: string;
            /** @example ROOM-1012 */
            billingAccount?: string;
            /** @example international */
            destinationClass?: string;
            /**
             * @description Start time, from (included): a date-time with an offset, or a date meaning its midnight in the source's zone (`sourceId`) or else the default business's.
             * @example 2026-03-02
             */
            from?: string;
            /**
             * @description Start time, before (excluded): a date is the midnight that starts it, so `from=2026-11-01&to=2026-12-01` is November.
             * @example 2026-03-09
             */
            to?: string;
            /**
             * @description Billed amount, at least.
             * @example 1.00
             */
            minAmount?: string;
            /**
             * @description Billed amount, at most; not below minAmount.
             * @example 100.00
             */
            maxAmount?: string;
            /**
             * @description Found in the dialed or normalised number or the account code.
             * @example 555-0100
             */
            q?: string;
        };
        BulkDto: {
            /**
             * @example approve
             * @enum {string}
             */
            action: "approve" | "reject" | "assign" | "reset";
            /**
             * @description The items, by id; or send a filter instead.
             * @example [
             *       101,
             *       102,
             *       103
             *     ]
             */
            ids?: number[];
            /**
             * @description The items this filter matches, instead of ids.
             * @example {
             *       "sourceId": 1,
             *       "status": [
             *         "pending"
             *       ],
             *       "from": "2026-03-02",
             *       "to": "2026-03-09"
             *     }
             */
            filter?: components["schemas"]["LineItemFilterDto"];
            /**
             * @description Required by reject and assign.
             * @example Checked against the folio
             */
            reason?: string;
            /**
             * @description For assign; or matterId.
             * @example ROOM-1012
             */
            billingAccount?: string;
            /**
             * @description For assign on a law firm's items: a matter (its id) instead of billingAccount.
             * @example 17
             */
            matterId?: number;
        };
        BulkOutcomeView: {
            /**
             * @example approve
             * @enum {string}
             */
            action: "approve" | "reject" | "assign" | "reset";
            /**
             * @description Items changed.
             * @example 42
             */
            count: number;
        };
        ReRateDto: {
            /**
             * @description Which items; `{}` is every item.
             * @example {
             *       "sourceId": 1,
             *       "from": "2026-03-01",
             *       "to": "2026-04-01"
             *     }
             */
            filter: components["schemas"]["LineItemFilterDto"];
            /**
             * @description Also undo approvals, rejections and adjustments of the items that change.
             * @default false
             * @example false
             */
            resetReview: boolean;
        };
        ReRateOutcomeView: {
            /**
             * @description Items the filter matched.
             * @example 222
             */
            matched: number;
            /**
             * @description Items whose rating, amounts or status changed.
             * @example 139
             */
            changed: number;
            /** @example 80 */
            unchanged: number;
            /**
             * @description On an invoice: a re-rate never touches them.
             * @example 3
             */
            skippedInvoiced: number;
            /**
             * @description With a posting to the PMS (queued or posted): a re-rate never touches them.
             * @example 0
             */
            skippedPosted: number;
            /**
             * @description Before the first version of their source's plan.
             * @example 0
             */
            skippedNoVersion: number;
        };
        OptionalReasonDto: {
            /**
             * @description The version acted on (or send If-Match).
             * @example 1
             */
            version?: number;
            /** @example Checked against the folio */
            reason?: string;
        };
        LineItemTaxView: {
            /** @example State sales tax */
            name: string;
            /** @example 6.25 */
            ratePercent: string;
            /** @example 0.09 */
            amount: string;
        };
        LineItemStayView: {
            id: number;
            /** @example 1012 */
            room: string;
            /**
             * @description The PMS's reservation number (G#).
             * @example 48213
             */
            reservation: string;
            /** @example Okafor, Ada */
            guestName: string | null;
        };
        LineItemTimekeeperView: {
            /** @example TK-014 */
            id: string;
            /** @example Ada Okafor */
            name: string;
            /** @example PARTNER */
            classification: string;
        };
        LineItemView: {
            id: number;
            sourceId: number;
            callId: string;
            billingAccount: string | null;
            /**
             * @description The instant, in UTC.
             * @example 2026-03-10T21:05:00.000Z
             */
            startTime: string;
            /**
             * @description The same instant on the plan's wall clock, with its offset (as on the invoice).
             * @example 2026-03-10T15:05:00.000-06:00
             */
            localStartTime: string;
            extension: string | null;
            accountCode: string | null;
            dialedNumber: string | null;
            normalizedNumber: string | null;
            destinationPrefix: string | null;
            destinationClass: string | null;
            timeBand: string | null;
            talkSeconds: number;
            billedSeconds: number;
            calls: number;
            /**
             * @description What is billed: the reviewer's adjustment, if any.
             * @example 1.50
             */
            amount: string;
            /**
             * @description What rating gave.
             * @example 1.50
             */
            ratedAmount: string;
            adjusted: boolean;
            taxes: components["schemas"]["LineItemTaxView"][];
            /** @example 0.09 */
            tax: string;
            /** @example 1.59 */
            total: string;
            /** @example USD */
            currency: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "no-charge" | "needs-review" | "invoiced" | "posted";
            reason: string | null;
            /** @description The reviewer's last reason. */
            reviewReason: string | null;
            ratePlanId: number;
            ratePlanVersion: number;
            invoiceId: number | null;
            /** @description The guest stay its call is charged to (a source a PMS link posts), or null. */
            stay: components["schemas"]["LineItemStayView"] | null;
            /** @description Who made the call (a law firm's timekeepers), or null. */
            timekeeper: components["schemas"]["LineItemTimekeeperView"] | null;
            /** @description Send it back (If-Match or body `version`) to act on this state. */
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        ReasonDto: {
            /**
             * @description The version acted on (or send If-Match).
             * @example 1
             */
            version?: number;
            /** @example Guest disputed the call */
            reason: string;
        };
        AdjustDto: {
            /**
             * @description The version acted on (or send If-Match).
             * @example 1
             */
            version?: number;
            /** @example Guest disputed the call */
            reason: string;
            /**
             * @description The amount to bill, a decimal string with no more decimals than the item's currency has, at most the adjustment limit (ADJUSTMENT_LIMIT, default 10000.00).
             * @example 1.25
             */
            amount: string;
        };
        AssignDto: {
            /**
             * @description The version acted on (or send If-Match).
             * @example 1
             */
            version?: number;
            /** @example Guest disputed the call */
            reason: string;
            /**
             * @description The billing account; or send matterId. On a law firm with matters it must be a known matter's code (docs/law-firms.md).
             * @example 10234-001
             */
            billingAccount?: string;
            /**
             * @description A law firm's matter (its id): the item is billed to the matter's code, as the plan's account-code pattern writes it. Instead of billingAccount.
             * @example 17
             */
            matterId?: number;
        };
        CurrencyTotalsView: {
            /** @example USD */
            currency: string;
            count: number;
            /** @example 152.40 */
            amount: string;
            /** @example 9.53 */
            tax: string;
            /** @example 161.93 */
            total: string;
        };
        LineItemTotalsView: {
            /** @description Every item the filter matches, on every page. */
            count: number;
            /** @description Sums per currency. */
            byCurrency: components["schemas"]["CurrencyTotalsView"][];
        };
        LineItemPageView: {
            items: components["schemas"]["LineItemView"][];
            /** @description Pass as `cursor` for the next page. */
            nextCursor: string | null;
            /** @description On the first page (no cursor): the count and sums of everything matched. */
            totals?: components["schemas"]["LineItemTotalsView"] | null;
        };
        LineItemMatterView: {
            /** @example 10234 */
            client: string | null;
            /** @example 001 */
            matter: string | null;
        };
        LineItemPostingView: {
            id: number;
            linkId: number;
            /** @description The posting's P#, fixed once. */
            postingNumber: number;
            /** @example 1012 */
            room: string;
            /** @example 159 */
            amountMinor: number;
            /**
             * @description The charge with its taxes, as the item's money.
             * @example 1.59
             */
            amount: string;
            /** @enum {string} */
            status: "pending" | "in-flight" | "posted" | "exception" | "written-off";
            /** @example NG */
            reason: string | null;
            /** @example OK */
            answerStatus: string | null;
            /** @description Posted to a checked-out stay as a late charge. */
            late: boolean;
            sentAt: string | null;
            postedAt: string | null;
        };
        LineItemDetailView: {
            id: number;
            sourceId: number;
            callId: string;
            billingAccount: string | null;
            /**
             * @description The instant, in UTC.
             * @example 2026-03-10T21:05:00.000Z
             */
            startTime: string;
            /**
             * @description The same instant on the plan's wall clock, with its offset (as on the invoice).
             * @example 2026-03-10T15:05:00.000-06:00
             */
            localStartTime: string;
            extension: string | null;
            accountCode: string | null;
            dialedNumber: string | null;
            normalizedNumber: string | null;
            destinationPrefix: string | null;
            destinationClass: string | null;
            timeBand: string | null;
            talkSeconds: number;
            billedSeconds: number;
            calls: number;
            /**
             * @description What is billed: the reviewer's adjustment, if any.
             * @example 1.50
             */
            amount: string;
            /**
             * @description What rating gave.
             * @example 1.50
             */
            ratedAmount: string;
            adjusted: boolean;
            taxes: components["schemas"]["LineItemTaxView"][];
            /** @example 0.09 */
            tax: string;
            /** @example 1.59 */
            total: string;
            /** @example USD */
            currency: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "no-charge" | "needs-review" | "invoiced" | "posted";
            reason: string | null;
            /** @description The reviewer's last reason. */
            reviewReason: string | null;
            ratePlanId: number;
            ratePlanVersion: number;
            invoiceId: number | null;
            /** @description The guest stay its call is charged to (a source a PMS link posts), or null. */
            stay: components["schemas"]["LineItemStayView"] | null;
            /** @description Who made the call (a law firm's timekeepers), or null. */
            timekeeper: components["schemas"]["LineItemTimekeeperView"] | null;
            /** @description Send it back (If-Match or body `version`) to act on this state. */
            version: number;
            createdAt: string;
            updatedAt: string;
            /** @description How rating priced it, step by step. */
            breakdown: {
                [key: string]: unknown;
            };
            /** @description The client and matter rating read from the account code, or null when the plan's pattern names neither (an assign changes billingAccount, not this). */
            matter: components["schemas"]["LineItemMatterView"] | null;
            /** @description What Xima sent: the stored record (`kind` call-record or account-summary) and its raw row. */
            sourceRecord: {
                [key: string]: unknown;
            };
            /** @description The plan version that rated it: `{ id, version, effectiveFrom, plan }`. */
            planVersion: {
                [key: string]: unknown;
            };
            /** @description Its postings to the PMS, oldest first (none for a source no link posts). */
            postings: components["schemas"]["LineItemPostingView"][];
            /** @description Its audit events and its postings' (with `postingId`), oldest first: `{ id, occurredAt, actor, action, oldValue, newValue, reason, postingId? }`. */
            history: Record<string, never>[];
        };
        ActorView: {
            /** @example null */
            keyId: number | null;
            /** @example 4 */
            userId: number | null;
            /** @example Ana Ortiz */
            name: string;
        };
        AuditEventView: {
            id: number;
            occurredAt: string;
            actor: components["schemas"]["ActorView"];
            /** @example line-item.approve */
            action: string;
            entityType: string;
            entityId: string;
            oldValue: Record<string, never> | null;
            newValue: Record<string, never> | null;
            reason: string | null;
        };
        AuditEventPageView: {
            items: components["schemas"]["AuditEventView"][];
            nextCursor: string | null;
        };
        SuggestedMatterView: {
            /** @description Send as `matterId` to assign it. */
            id: number;
            /** @example 10234 */
            clientNumber: string;
            /** @example Acme Holdings */
            clientName: string;
            /** @example 001 */
            matterNumber: string;
            /** @example Smith lease */
            matterName: string;
            /**
             * @description The code as billed.
             * @example 10234-001
             */
            code: string;
            /** @enum {string} */
            status: "open" | "closed";
            billable: boolean;
        };
        MatterSuggestionView: {
            matter: components["schemas"]["SuggestedMatterView"];
            /**
             * @description The sum of its signals: one edit from the dialed code 4, used by the extension 2, an open matter of the dialed client 1.
             * @example 6
             */
            score: number;
            /**
             * @example [
             *       "one edit from 10243-001",
             *       "used 12 times by extension 253 in the last 90 days"
             *     ]
             */
            why: string[];
        };
        MatterSuggestionsView: {
            lineItemId: number;
            /** @example 10243-001 */
            accountCode: string | null;
            /** @example unknown-matter */
            reason: string | null;
            /** @description Best first, at most 10. */
            suggestions: components["schemas"]["MatterSuggestionView"][];
        };
        MatterRowDto: {
            /** @example 10234 */
            clientNumber: string;
            /** @example Acme Holdings */
            clientName: string;
            /** @example 001 */
            matterNumber: string;
            /** @example Acme v. Widgets */
            matterName: string;
            /**
             * @example open
             * @enum {string}
             */
            status: "open" | "closed";
            /**
             * @description YYYY-MM-DD in the business zone: required when closed, empty or null when open.
             * @example null
             */
            closedDate?: string | null;
            /** @example true */
            billable: boolean;
        };
        ImportMattersDto: {
            /** @description At most 100,000 matters. */
            matters: components["schemas"]["MatterRowDto"][];
        };
        MatterCodesView: {
            /**
             * @example [
             *       "10234-004"
             *     ]
             */
            added: string[];
            /**
             * @example [
             *       "10234-001"
             *     ]
             */
            closed: string[];
            /** @example [] */
            reopened: string[];
            /**
             * @example [
             *       "20001-002"
             *     ]
             */
            renamed: string[];
            /** @example [] */
            billableChanged: string[];
            /**
             * @example [
             *       "10100-003"
             *     ]
             */
            notInFile: string[];
        };
        RevalidatedView: {
            /**
             * @description Items not yet settled: pending, needs-review, no-charge.
             * @example 120
             */
            matched: number;
            /**
             * @description Items whose rating changed (each audited).
             * @example 7
             */
            changed: number;
        };
        MatterImportSummaryView: {
            /** @example 1 */
            added: number;
            /**
             * @description Closed, or a closed date moved.
             * @example 1
             */
            closed: number;
            /** @example 0 */
            reopened: number;
            /**
             * @description The client or matter name changed.
             * @example 1
             */
            renamed: number;
            /** @example 0 */
            billableChanged: number;
            /** @example 41 */
            unchanged: number;
            /**
             * @description Stored matters the file does not name: kept as they are, never deleted.
             * @example 1
             */
            notInFile: number;
            /**
             * @description Rows in the file.
             * @example 44
             */
            total: number;
            codes: components["schemas"]["MatterCodesView"];
            /**
             * @description The business's law book version after the import.
             * @example 3
             */
            lawBookVersion: number;
            revalidated: components["schemas"]["RevalidatedView"];
        };
        MatterView: {
            /** @example 12 */
            id: number;
            /** @example 10234 */
            clientNumber: string;
            /** @example Acme Holdings */
            clientName: string;
            /** @example 001 */
            matterNumber: string;
            /** @example Acme v. Widgets */
            matterName: string;
            /**
             * @example open
             * @enum {string}
             */
            status: "open" | "closed";
            /** @example null */
            closedDate: string | null;
            /** @example true */
            billable: boolean;
            /** @example 2026-11-30T17:00:00.000Z */
            updatedAt: string;
        };
        MatterPageView: {
            items: components["schemas"]["MatterView"][];
            /** @description The next page: send it as `cursor`. */
            nextCursor: string | null;
        };
        TimekeeperRowDto: {
            /** @example 2101 */
            extension: string;
            /** @example JDOE */
            timekeeperId: string;
            /** @example Jane Doe */
            name: string;
            /**
             * @description Upper-cased when stored.
             * @example partner
             */
            classification: string;
            /**
             * @description YYYY-MM-DD; empty, null or left out: since always.
             * @example 2026-11-01
             */
            effectiveFrom?: string | null;
        };
        ImportTimekeepersDto: {
            /** @description At most 100,000 rows. */
            timekeepers: components["schemas"]["TimekeeperRowDto"][];
        };
        TimekeeperImportSummaryView: {
            /** @example 2 */
            added: number;
            /**
             * @description Stored rows the file no longer has.
             * @example 1
             */
            removed: number;
            /**
             * @description Same extension and date, another id, name or class.
             * @example 1
             */
            changed: number;
            /** @example 30 */
            unchanged: number;
            /**
             * @description Rows in the file.
             * @example 33
             */
            total: number;
            /** @example 4 */
            lawBookVersion: number;
            revalidated: components["schemas"]["RevalidatedView"];
        };
        TimekeeperView: {
            /** @example 3 */
            id: number;
            /** @example 2101 */
            extension: string;
            /** @example JDOE */
            timekeeperId: string;
            /** @example Jane Doe */
            name: string;
            /** @example PARTNER */
            classification: string;
            /**
             * @description From this day on (business zone); null: since always.
             * @example 2026-11-01
             */
            effectiveFrom: string | null;
        };
        TimekeeperListView: {
            items: components["schemas"]["TimekeeperView"][];
        };
        CreateMatterRuleDto: {
            /** @example 10234 */
            clientNumber: string;
            /**
             * @description Left out: every matter of the client.
             * @example 001
             */
            matterNumber?: string;
            /**
             * @example markup
             * @enum {string}
             */
            kind: "standard" | "no-charge" | "markup" | "rate-plan";
            /**
             * @description Only for markup: percent added to the charge, above -100 and at most 1000.
             * @example 12.5
             */
            markupPercent?: string;
            /**
             * @description Only for rate-plan: a plan of the kind and currency of the business's sources' plans.
             * @example 4
             */
            ratePlanId?: number;
            /**
             * @description From this day on, in the business zone.
             * @example 2026-12-01
             */
            effectiveFrom: string;
            /** @example Billed at cost per engagement letter */
            note?: string;
        };
        MatterRuleView: {
            /** @example 7 */
            id: number;
            /** @example 10234 */
            clientNumber: string;
            /**
             * @description null: every matter.
             * @example 001
             */
            matterNumber: string | null;
            /**
             * @example markup
             * @enum {string}
             */
            kind: "standard" | "no-charge" | "markup" | "rate-plan";
            /** @example 12.5 */
            markupPercent: string | null;
            /** @example null */
            ratePlanId: number | null;
            /** @example 2026-12-01 */
            effectiveFrom: string;
            /** @example null */
            note: string | null;
            /** @example 2026-11-30T17:00:00.000Z */
            createdAt: string;
        };
        MatterRuleChangeView: {
            rule: components["schemas"]["MatterRuleView"];
            /** @example 5 */
            lawBookVersion: number;
            revalidated: components["schemas"]["RevalidatedView"];
        };
        MatterRuleListView: {
            items: components["schemas"]["MatterRuleView"][];
        };
        CreateInvoiceDto: {
            /**
             * @description Start, included: a date-time with an offset, or a date meaning its midnight in the business's zone.
             * @example 2026-03-01
             */
            periodStart: string;
            /**
             * @description End, excluded: a date is the midnight that starts it, so 2026-03-01 to 2026-04-01 is March.
             * @example 2026-04-01
             */
            periodEnd: string;
            /** @example ROOM-1012 */
            billingAccount: string;
            /**
             * @description Whose invoice, when the account has approved items of several businesses.
             * @example 1
             */
            businessId?: number;
        };
        InvoiceStayView: {
            id: number;
            /** @example 1012 */
            room: string;
            /**
             * @description The PMS's reservation number.
             * @example 48213
             */
            reservation: string;
            /** @example Okafor, Ada */
            guestName: string | null;
            /**
             * @description Check-in (or move in).
             * @example 2026-03-09T15:12:00.000Z
             */
            from: string;
            /** @description Check-out; null while in house. */
            to: string | null;
        };
        InvoiceLineView: {
            /** @example 1 */
            lineNumber: number;
            /** @example 1234 */
            lineItemId: number;
            /** @example c-000123 */
            callId: string;
            /** @example 2026-03-10T20:05:00.000Z */
            startTime: string;
            /** @example Telephone: +13035550100, 2 min */
            description: string;
            /** @example 0.75 */
            amount: string;
            /** @example 0.05 */
            tax: string;
            /** @example 0.80 */
            total: string;
        };
        InvoiceView: {
            id: number;
            /** @example GH-2026-000001 */
            number: string | null;
            /** @enum {string} */
            status: "draft" | "finalized" | "void";
            businessId: number;
            sourceId: number | null;
            billingAccount: string;
            periodStart: string;
            periodEnd: string;
            currency: string;
            /** @example 152.40 */
            subtotal: string;
            /** @example 9.53 */
            tax: string;
            /** @example 161.93 */
            total: string;
            finalizedAt: string | null;
            voidReason: string | null;
            /**
             * @description The IANA zone of the invoice's dates (its exports' times of day, invoice date).
             * @example America/Denver
             */
            timezone: string;
            /**
             * @description The formats it exports as: a draft or void invoice json only, a finalised one the formats that fit its business's kind.
             * @example [
             *       "pms",
             *       "csv",
             *       "json",
             *       "pdf"
             *     ]
             */
            exportFormats: ("csv" | "json" | "ledes1998b" | "pms" | "pdf" | "disbursements")[];
            /** @description The guest stay it is for, when drafted per stay (every line of one stay). */
            stay: components["schemas"]["InvoiceStayView"] | null;
            lines: components["schemas"]["InvoiceLineView"][];
        };
        BatchInvoicesDto: {
            /**
             * @description Start, included: a date-time with an offset, or a date meaning its midnight in the business's zone.
             * @example 2026-03-01
             */
            periodStart: string;
            /**
             * @description End, excluded: a date is the midnight that starts it, so 2026-03-01 to 2026-04-01 is March.
             * @example 2026-04-01
             */
            periodEnd: string;
            /**
             * @description Only this source's items.
             * @example 1
             */
            sourceId?: number;
            /**
             * @description Only this business's items.
             * @example 1
             */
            businessId?: number;
            /**
             * @description Also draft accounts whose approved items total 0 (skipped by default).
             * @default false
             * @example false
             */
            includeZero: boolean;
            /**
             * @description One draft per billing account, or per guest stay (items tied to a stay of a PMS link; the draft shows the stay).
             * @default billing-account
             * @example billing-account
             * @enum {string}
             */
            groupBy: "billing-account" | "stay";
        };
        InvoiceBatchView: {
            /** @description The drafts made, one an account (or, by stay, one a stay and account). */
            items: components["schemas"]["InvoiceView"][];
            /**
             * @description Accounts left out because they total 0.
             * @example 2
             */
            skippedZero: number;
        };
        InvoiceSummaryView: {
            id: number;
            /** @example GH-2026-000001 */
            number: string | null;
            /** @enum {string} */
            status: "draft" | "finalized" | "void";
            businessId: number;
            sourceId: number | null;
            billingAccount: string;
            periodStart: string;
            periodEnd: string;
            currency: string;
            /** @example 152.40 */
            subtotal: string;
            /** @example 9.53 */
            tax: string;
            /** @example 161.93 */
            total: string;
            finalizedAt: string | null;
            voidReason: string | null;
            /**
             * @description The IANA zone of the invoice's dates (its exports' times of day, invoice date).
             * @example America/Denver
             */
            timezone: string;
            /**
             * @description The formats it exports as: a draft or void invoice json only, a finalised one the formats that fit its business's kind.
             * @example [
             *       "pms",
             *       "csv",
             *       "json",
             *       "pdf"
             *     ]
             */
            exportFormats: ("csv" | "json" | "ledes1998b" | "pms" | "pdf" | "disbursements")[];
        };
        InvoicePageView: {
            items: components["schemas"]["InvoiceSummaryView"][];
            /** @description Pass as `cursor` for the next page. */
            nextCursor: string | null;
        };
        InvoiceFilterDto: {
            /**
             * @description One status or several, comma-separated: `draft,finalized`.
             * @example draft
             */
            status?: string[];
            /** @example 2 */
            businessId?: number;
            /** @example 1 */
            sourceId?: number;
            /** @example ROOM-1012 */
            billingAccount?: string;
            /**
             * @description Period starting at or after this: a date (midnight in the business's zone) or a date-time with an offset.
             * @example 2026-03-01
             */
            from?: string;
            /**
             * @description Period starting before this (a date or a date-time with an offset).
             * @example 2026-04-01
             */
            to?: string;
            /**
             * @description An invoice number, or its beginning: `GH-2026-` is every GH number of 2026.
             * @example GH-2026-
             */
            number?: string;
        };
        BulkFinalizeDto: {
            /**
             * @example [
             *       41,
             *       42
             *     ]
             */
            ids?: number[];
            /**
             * @description The drafts this filter matches (its status is always draft), instead of ids.
             * @example {
             *       "businessId": 1,
             *       "from": "2026-03-01",
             *       "to": "2026-04-01"
             *     }
             */
            filter?: components["schemas"]["InvoiceFilterDto"];
        };
        FinalizeOutcomeView: {
            /** @example 41 */
            id: number;
            /** @enum {string} */
            outcome: "finalized" | "refused";
            /**
             * @description When finalized.
             * @example GH-2026-000007
             */
            number?: string;
            /**
             * @description When refused: the status alone.
             * @example 409
             */
            status?: number;
            /** @description When refused: why. */
            message?: string;
        };
        FinalizeReportView: {
            /** @example 3 */
            finalized: number;
            /** @example 1 */
            refused: number;
            results: components["schemas"]["FinalizeOutcomeView"][];
        };
        VoidInvoiceDto: {
            /** @example Billed to the wrong room */
            reason: string;
        };
        DeliveryAttemptView: {
            /** @description Counts on across deliveries of the same invoice. */
            attempt: number;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            /** @description The billing system's answer. */
            httpStatus: number | null;
            error: string | null;
            /** @description Where it was sent, without credentials; a query string shows as ?redacted. */
            url: string;
            /** @example INV-2026-000001 */
            idempotencyKey: string;
            attemptedAt: string;
        };
        DeliveryLogView: {
            invoiceId: number;
            number: string | null;
            /** @enum {string} */
            state: "none" | "in-progress" | "delivered" | "failed";
            attempts: components["schemas"]["DeliveryAttemptView"][];
        };
        LastSyncRunView: {
            /** @example 12 */
            id: number;
            /**
             * @example succeeded
             * @enum {string}
             */
            status: "running" | "succeeded" | "failed";
            /**
             * @example schedule
             * @enum {string}
             */
            trigger: "schedule" | "manual" | "cli" | "demo";
            /**
             * @description Its window, from.
             * @example 2026-03-02T07:00:00.000Z
             */
            from: string;
            /**
             * @description Its window, to (excluded).
             * @example 2026-03-03T07:00:00.000Z
             */
            to: string;
            /** @example 2026-03-03T07:20:00.000Z */
            startedAt: string;
            /** @example 2026-03-03T07:20:04.000Z */
            finishedAt: string | null;
            /**
             * @description Rows Xima sent.
             * @example 14210
             */
            fetched: number;
            /**
             * @description Line items it made.
             * @example 5631
             */
            rated: number;
            /**
             * @description Rows it could not store as line items.
             * @example 0
             */
            errors: number;
            /**
             * @description Why it failed (its last message); null unless failed.
             * @example null
             */
            error: string | null;
        };
        RecentRunsView: {
            /**
             * @description Runs counted: the last 10, or fewer.
             * @example 10
             */
            total: number;
            /** @example 1 */
            failed: number;
            /**
             * @description Rows of those runs that made no line item: unreadable rows and records no plan version covers (each run's `errors`).
             * @example 3
             */
            unreadableRows: number;
        };
        CurrencyAmountView: {
            /** @example USD */
            currency: string;
            /**
             * @description Integer minor units of `currency` (cents).
             * @example 15240
             */
            amountMinor: number;
            /**
             * @description The same, as the currency writes it.
             * @example 152.40
             */
            amount: string;
        };
        PendingView: {
            /**
             * @description Items waiting for review: status `pending` or `needs-review`, any day.
             * @example 412
             */
            items: number;
            /**
             * @description Of those, `needs-review`: no billing account or no rate yet.
             * @example 7
             */
            needsReview: number;
            /** @description Their billed amounts (before tax), per currency. */
            byCurrency: components["schemas"]["CurrencyAmountView"][];
        };
        SourceOverviewView: {
            /** @example 1 */
            sourceId: number;
            /** @example Grand Hotel */
            name: string;
            /**
             * @description Its IANA zone: its days are its own.
             * @example America/Denver
             */
            timeZone: string;
            /** @example true */
            enabled: boolean;
            /**
             * @description Everything before this instant is in the ledger; null: never synced.
             * @example 2026-03-03T06:45:00.000Z
             */
            watermark: string | null;
            /**
             * @description Seconds from the watermark to now (never below 0); null: never synced.
             * @example 1500
             */
            lagSeconds: number | null;
            /** @description Running or ended. */
            lastRun: components["schemas"]["LastSyncRunView"] | null;
            recentRuns: components["schemas"]["RecentRunsView"];
            pending: components["schemas"]["PendingView"];
        };
        SourcesOverviewView: {
            /**
             * @description Now, as lags are measured.
             * @example 2026-03-03T07:10:00.000Z
             */
            asOf: string;
            /** @description Every source, by id. */
            sources: components["schemas"]["SourceOverviewView"][];
        };
        DayView: {
            /**
             * @description A local day of the items' sources.
             * @example 2026-03-02
             */
            date: string;
            /**
             * @description Calls started that day, whatever their status (a summary item carries several).
             * @example 1210
             */
            calls: number;
            /** @description Billed amounts (before tax) of items not rejected and not no-charge, per currency the day has items in; empty on a day without items. */
            byCurrency: components["schemas"]["CurrencyAmountView"][];
        };
        DailyView: {
            /** @example 2026-03-01 */
            from: string;
            /** @example 2026-03-30 */
            to: string;
            /** @example null */
            sourceId: number | null;
            /** @description Every day from `from` to `to`, none left out. */
            days: components["schemas"]["DayView"][];
        };
        TopRowView: {
            /**
             * @description The billing account, or the destination as `class:prefix` (`international:44`); null: items without one.
             * @example ROOM-1012
             */
            key: string | null;
            /**
             * @description `International +44`, `No billing account`…
             * @example ROOM-1012
             */
            label: string;
            /**
             * @description Calls, whatever their status.
             * @example 96
             */
            calls: number;
            /** @description Billed amounts (before tax), per currency. */
            byCurrency: components["schemas"]["CurrencyAmountView"][];
        };
        TopView: {
            /**
             * @example billing-account
             * @enum {string}
             */
            by: "billing-account" | "destination";
            /** @example 2026-03-01 */
            from: string;
            /** @example 2026-03-30 */
            to: string;
            /** @example null */
            sourceId: number | null;
            /** @description The largest amount in any one currency first (amounts compared as written, no exchange rates), then the most calls, then by label. */
            rows: components["schemas"]["TopRowView"][];
        };
        CreatePmsLinkDto: {
            /** @example Grand Hotel OPERA */
            name: string;
            /**
             * @description The PMS interface's host.
             * @example pms.hotel.internal
             */
            host: string;
            /** @example 5010 */
            port: number;
            /**
             * @description The call-records sources whose rooms this link posts (a source has one link).
             * @example [
             *       1
             *     ]
             */
            sourceIds: number[];
            /**
             * @description `on-rating`: every rated charge is posted as it arrives; `on-approval`: when an accountant approves it.
             * @example on-rating
             * @enum {string}
             */
            postingMode: "on-approval" | "on-rating";
            /**
             * @default ascii
             * @example windows-1252
             * @enum {string}
             */
            charset: "ascii" | "cp850" | "windows-1252" | "iso-8859-1";
            /**
             * @description How long to wait for a posting's answer before the link is suspect.
             * @default 30000
             * @example 30000
             */
            answerTimeoutMs: number;
            /**
             * @description Silence after which the link is checked (LS); at most 5 minutes.
             * @default 300000
             * @example 300000
             */
            aliveIntervalMs: number;
            /**
             * @default true
             * @example true
             */
            enabled: boolean;
        };
        PostingCountsView: {
            pending: number;
            "in-flight": number;
            posted: number;
            exception: number;
            "written-off": number;
        };
        PmsLinkView: {
            id: number;
            name: string;
            host: string;
            port: number;
            sourceIds: number[];
            /** @enum {string} */
            postingMode: "on-approval" | "on-rating";
            charset: string;
            answerTimeoutMs: number;
            aliveIntervalMs: number;
            enabled: boolean;
            /**
             * @description `down` also for a disabled link, or when links are off in this process and no other instance runs it; `elsewhere`: another instance of the service runs the link (ask it for the live state).
             * @enum {string}
             */
            state: "connecting" | "linked" | "down" | "resync" | "night-audit" | "elsewhere";
            /** @description The instance of the service (its INSTANCE_ID) running the link; null when none does. */
            instance?: string | null;
            /** @description When the PMS last sent anything. */
            lastHeardAt?: string | null;
            queue: components["schemas"]["PostingCountsView"];
            /** @description The next posting number (P#) the link will give. */
            nextPostingNumber: number;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        PmsLinkListView: {
            items: components["schemas"]["PmsLinkView"][];
        };
        UpdatePmsLinkDto: {
            /** @example Grand Hotel OPERA */
            name?: string;
            /**
             * @description The PMS interface's host.
             * @example pms.hotel.internal
             */
            host?: string;
            /** @example 5010 */
            port?: number;
            /**
             * @description The call-records sources whose rooms this link posts (a source has one link).
             * @example [
             *       1
             *     ]
             */
            sourceIds?: number[];
            /**
             * @description `on-rating`: every rated charge is posted as it arrives; `on-approval`: when an accountant approves it.
             * @example on-rating
             * @enum {string}
             */
            postingMode?: "on-approval" | "on-rating";
            /**
             * @default ascii
             * @example windows-1252
             * @enum {string}
             */
            charset: "ascii" | "cp850" | "windows-1252" | "iso-8859-1";
            /**
             * @description How long to wait for a posting's answer before the link is suspect.
             * @default 30000
             * @example 30000
             */
            answerTimeoutMs: number;
            /**
             * @description Silence after which the link is checked (LS); at most 5 minutes.
             * @default 300000
             * @example 300000
             */
            aliveIntervalMs: number;
            /**
             * @default true
             * @example true
             */
            enabled: boolean;
        };
        PostingView: {
            id: number;
            linkId: number;
            lineItemId: number;
            /** @description P#: fixed when the posting is made, sent unchanged. */
            postingNumber: number;
            room: string;
            stayId?: number | null;
            /** @description Minor units of currency, tax included (TA). */
            amountMinor: number;
            /** @example 16.65 */
            amount: string;
            currency: string;
            /** @enum {string} */
            status: "pending" | "in-flight" | "posted" | "exception" | "written-off";
            /** @description An exception's (or a write-off's) reason: `no-stay`, `checked-out`, the PMS's AS. */
            reason?: string | null;
            reasonText?: string | null;
            answerStatus?: string | null;
            answerText?: string | null;
            /** @description The PA as received. */
            answerRecord?: string | null;
            /** @description Posted to a checked-out stay as a late charge. */
            late: boolean;
            /** @description The posted charge this negative posting corrects. */
            correctsPostingId?: number | null;
            attempts: number;
            sentAt?: string | null;
            postedAt?: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        PostingListView: {
            items: components["schemas"]["PostingView"][];
            /** @description Send as beforeId for the next page; null on the last. */
            nextBeforeId?: number | null;
        };
        PostingVersionDto: {
            /**
             * @description The version of the exception acted on.
             * @example 2
             */
            version: number;
        };
        RerouteDto: {
            /**
             * @description The version of the exception acted on.
             * @example 2
             */
            version: number;
            /**
             * @description The room whose guest's folio takes the charge.
             * @example 1014
             */
            room: string;
        };
        PostingReasonDto: {
            /**
             * @description The version of the exception acted on.
             * @example 2
             */
            version: number;
            /** @example Guest disputed the call at check-out */
            reason: string;
        };
        StayView: {
            id: number;
            linkId: number;
            room: string;
            /** @description The PMS reservation number (G#). */
            reservation: string;
            guestName?: string | null;
            /** @description A second guest sharing the room. */
            sharer: boolean;
            from: string;
            /** @description Null while in house. */
            to?: string | null;
            /** @enum {string|null} */
            endedBy?: "check-out" | "move" | "resync" | null;
        };
        StayListView: {
            items: components["schemas"]["StayView"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description The key is in `key`, this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, now revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No API key has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key is already revoked. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The key is already revoked."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Without a password in the request, a one-time `password`, this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserWithPasswordView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Another user has this email. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Another user has this email."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No user has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No user has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No user has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No user has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Another user has this email; or the change would disable or demote the last enabled admin user, or the admin making it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Another user has this email; or the change would disable or demote the last enabled admin user, or the admin making it."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The one-time `password`, this once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserWithPasswordView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No user has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No user has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SessionController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The email or password is wrong, or the email is locked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The email or password is wrong, or the email is locked."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description X-CSRF-Token is missing or wrong. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "X-CSRF-Token is missing or wrong."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SessionController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description X-CSRF-Token is missing or wrong. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "X-CSRF-Token is missing or wrong."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    BusinessesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessListView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    BusinessesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBusinessDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Another business has this name or invoice prefix. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Another business has this name or invoice prefix."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    BusinessesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    BusinessesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBusinessDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Another business has this name or invoice prefix, or the prefix is on numbered invoices already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Another business has this name or invoice prefix, or the prefix is on numbered invoices already."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `ok`, or `degraded` with the details */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description The ledger does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RatePlansController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatePlanListView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RatePlansController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A rate plan (docs/rating.md), optionally with `effectiveFrom`. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PerCallPlanDto"] | components["schemas"]["AccountSummaryPlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatePlanView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description A rate plan has this name already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "A rate plan has this name already."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RatePlansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatePlanView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No rate plan has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No rate plan has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RatePlansController_diff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                /** @description The version the changes are from. */
                a: number;
                /** @description The version the changes lead to. */
                b: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatePlanVersionDiffView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No rate plan has this id, or the plan has no such version. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No rate plan has this id, or the plan has no such version."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RatePlansController_addVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description `{ effectiveFrom, ...plan }`: the plan as it will be from that instant. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PerCallPlanDto"] | components["schemas"]["AccountSummaryPlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatePlanView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No rate plan has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No rate plan has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description A version of the plan is in force from that instant already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "A version of the plan is in force from that instant already."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RatePlansController_quote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description `{ records: [...] }`: canonical call records, or summary rows. */
        requestBody: {
            content: {
                "application/json": {
                    records: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description By session cookie: X-CSRF-Token is missing or wrong. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "By session cookie: X-CSRF-Token is missing or wrong."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No rate plan has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No rate plan has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RatePlansController_importRateTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportRateTableDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RatePlanView"];
                };
            };
            /** @description The CSV or the plan it makes is refused: each detail names its CSV line (`line 7`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "The CSV or the plan it makes is refused: each detail names its CSV line (`line 7`)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No rate plan has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No rate plan has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description A version of the plan is in force from that instant already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "A version of the plan is in force from that instant already."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SourcesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceListView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SourcesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSourceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description A source has this name already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "A source has this name already."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SourcesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No source has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No source has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SourcesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSourceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No source has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No source has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Another source has this name. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Another source has this name."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SyncController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SyncRequestDto"];
            };
        };
        responses: {
            /** @description The run, finished (or failed: see `status`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRunView"];
                };
            };
            /** @description The run, still going after 20 s: follow it at `/api/v1/sync-runs/{id}`. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRunView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No source has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No source has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The source is syncing already: try again when that run ends. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The source is syncing already: try again when that run ends."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No Xima connection is configured (XIMA_BASE_URL). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "No Xima connection is configured (XIMA_BASE_URL)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SyncController_list: {
        parameters: {
            query?: {
                /** @description Only this source's runs. */
                sourceId?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRunListView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SyncController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRunView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No sync run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No sync run has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SyncController_errors: {
        parameters: {
            query?: {
                /** @description At most this many rows. */
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordErrorListView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No sync run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No sync run has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_bulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkOutcomeView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description An id names no line item; nothing was changed. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "An id names no line item; nothing was changed."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description An item's status does not allow the action; nothing was changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An item's status does not allow the action; nothing was changed."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_reRate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReRateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReRateOutcomeView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_approve: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version acted on. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The item has changed since the version sent (reload it), or its status does not allow this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The item has changed since the version sent (reload it), or its status does not allow this."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_reject: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version acted on. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The item has changed since the version sent (reload it), or its status does not allow this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The item has changed since the version sent (reload it), or its status does not allow this."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_adjust: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version acted on. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The item has changed since the version sent (reload it), or its status does not allow this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The item has changed since the version sent (reload it), or its status does not allow this."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version acted on. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The item has changed since the version sent (reload it), or its status does not allow this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The item has changed since the version sent (reload it), or its status does not allow this."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ReviewController_reset: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version acted on. */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptionalReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The item has changed since the version sent (reload it), or its status does not allow this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The item has changed since the version sent (reload it), or its status does not allow this."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    LineItemsController_page: {
        parameters: {
            query?: {
                sourceId?: number;
                /** @description One status or several, comma-separated: `pending,needs-review`. */
                status?: string[];
                /** @description Rating's reason, one or several, comma-separated: `unknown-matter,closed-matter` (docs/law-firms.md). */
                reason?: string[];
                /** @description The extension that made the call. */
                extension?: string;
                /** @description The timekeeper's id (a law firm's items, docs/law-firms.md). */
                timekeeper?: string;
                billingAccount?: string;
                destinationClass?: string;
                /** @description Start time, from (included): a date-time with an offset, or a date meaning its midnight in the source's zone (`sourceId`) or else the default business's. */
                from?: string;
                /** @description Start time, before (excluded): a date is the midnight that starts it, so `from=2026-11-01&to=2026-12-01` is November. */
                to?: string;
                /** @description Billed amount, at least. */
                minAmount?: string;
                /** @description Billed amount, at most; not below minAmount. */
                maxAmount?: string;
                /** @description Found in the dialed or normalised number or the account code. */
                q?: string;
                limit?: number;
                /** @description `nextCursor` of the page before. */
                cursor?: string;
                /** @description First page only: the count and sums of everything matched. `false` skips them (a broad filter sums every item it matches). */
                totals?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemPageView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    LineItemsController_exportCsv: {
        parameters: {
            query?: {
                sourceId?: number;
                /** @description One status or several, comma-separated: `pending,needs-review`. */
                status?: string[];
                /** @description Rating's reason, one or several, comma-separated: `unknown-matter,closed-matter` (docs/law-firms.md). */
                reason?: string[];
                /** @description The extension that made the call. */
                extension?: string;
                /** @description The timekeeper's id (a law firm's items, docs/law-firms.md). */
                timekeeper?: string;
                billingAccount?: string;
                destinationClass?: string;
                /** @description Start time, from (included): a date-time with an offset, or a date meaning its midnight in the source's zone (`sourceId`) or else the default business's. */
                from?: string;
                /** @description Start time, before (excluded): a date is the midnight that starts it, so `from=2026-11-01&to=2026-12-01` is November. */
                to?: string;
                /** @description Billed amount, at least. */
                minAmount?: string;
                /** @description Billed amount, at most; not below minAmount. */
                maxAmount?: string;
                /** @description Found in the dialed or normalised number or the account code. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `line-items.csv`, streamed: a header row, then one row an item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    LineItemsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LineItemDetailView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuditEventsController_list: {
        parameters: {
            query?: {
                entityType?: string;
                entityId?: string;
                action?: string;
                /** @description The acting API key's id. */
                actorKeyId?: number;
                /** @description The acting user's id. */
                actorUserId?: number;
                /** @description From (included): a date-time with an offset, or a date meaning its midnight in the default business's zone. */
                from?: string;
                /** @description Before (excluded): a date is the midnight that starts it. */
                to?: string;
                limit?: number;
                /** @description `nextCursor` of the page before. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MatterSuggestionsController_suggest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterSuggestionsView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No line item has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No line item has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The item is not of a law firm with matters, or does not need a matter (its reason), or its plan's codes name no matter. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The item is not of a law firm with matters, or does not need a matter (its reason), or its plan's codes name no matter."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MattersController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description JSON, or text/csv with the header clientNumber,clientName,matterNumber,matterName,status,closedDate,billable (status open|closed, closedDate YYYY-MM-DD when closed, billable yes|no). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportMattersDto"] | string;
                "text/csv": components["schemas"]["ImportMattersDto"] | string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterImportSummaryView"];
                };
            };
            /** @description The list has problems: `details` names each by its line (`line 7`) or place (`matters.6`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "The list has problems: `details` names each by its line (`line 7`) or place (`matters.6`)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm (kind law-firm): the message names its kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm (kind law-firm): the message names its kind."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than 32 MB, the most an import takes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "The body is larger than 32 MB, the most an import takes."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is neither JSON nor text/csv. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The body is neither JSON nor text/csv."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MattersController_list: {
        parameters: {
            query?: {
                /** @description Part of a client or matter number or name, or of `client-matter`; any case. */
                q?: string;
                status?: "open" | "closed";
                limit?: number;
                /** @description `nextCursor` of the page before. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterPageView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm (kind law-firm): the message names its kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm (kind law-firm): the message names its kind."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    TimekeepersController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description JSON, or text/csv with the header extension,timekeeperId,name,classification,effectiveFrom. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportTimekeepersDto"] | string;
                "text/csv": components["schemas"]["ImportTimekeepersDto"] | string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimekeeperImportSummaryView"];
                };
            };
            /** @description The list has problems: `details` names each by its line (`line 7`) or place (`timekeepers.6`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "The list has problems: `details` names each by its line (`line 7`) or place (`timekeepers.6`)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm (kind law-firm): the message names its kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm (kind law-firm): the message names its kind."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than 32 MB, the most an import takes. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "The body is larger than 32 MB, the most an import takes."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is neither JSON nor text/csv. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The body is neither JSON nor text/csv."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    TimekeepersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimekeeperListView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm (kind law-firm): the message names its kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm (kind law-firm): the message names its kind."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MatterRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterRuleListView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MatterRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMatterRuleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterRuleChangeView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm, a rule for this client and matter has this date already, or the rate plan is of another kind or currency than the plans of the business’s sources. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm, a rule for this client and matter has this date already, or the rate plan is of another kind or currency than the plans of the business’s sources."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MatterRulesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                ruleId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatterRuleChangeView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No business has this id, or it has no rule of this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No business has this id, or it has no rule of this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The business is not a law firm. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The business is not a law firm."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_list: {
        parameters: {
            query?: {
                /** @description One status or several, comma-separated: `draft,finalized`. */
                status?: string[];
                businessId?: number;
                sourceId?: number;
                billingAccount?: string;
                /** @description Period starting at or after this: a date (midnight in the business's zone) or a date-time with an offset. */
                from?: string;
                /** @description Period starting before this (a date or a date-time with an offset). */
                to?: string;
                /** @description An invoice number, or its beginning: `GH-2026-` is every GH number of 2026. */
                number?: string;
                limit?: number;
                /** @description `nextCursor` of the page before. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicePageView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvoiceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No approved, uninvoiced items in the period, or items of several businesses (name a businessId) or currencies. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "No approved, uninvoiced items in the period, or items of several businesses (name a businessId) or currencies."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_batch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchInvoicesDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceBatchView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description An account's items are in several currencies. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An account's items are in several currencies."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_archive: {
        parameters: {
            query: {
                /** @description One status or several, comma-separated: `draft,finalized`. */
                status?: string[];
                businessId?: number;
                sourceId?: number;
                billingAccount?: string;
                /** @description Period starting at or after this: a date (midnight in the business's zone) or a date-time with an offset. */
                from?: string;
                /** @description Period starting before this (a date or a date-time with an offset). */
                to?: string;
                /** @description An invoice number, or its beginning: `GH-2026-` is every GH number of 2026. */
                number?: string;
                format: "csv" | "json" | "ledes1998b" | "pms" | "pdf" | "disbursements";
                /** @description With format=disbursements (required there, refused with any other format): the layout of the columns, a template shipped with the service. */
                template?: "generic" | "clio-activities";
                /** @description Comma-separated invoice ids, instead of the filter: `41,42,43`. */
                ids?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ZIP, streamed: each entry is the invoice exported on its own. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description An id names no invoice. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "An id names no invoice."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description An invoice does not export in this format (nothing is sent): the message says which. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An invoice does not export in this format (nothing is sent): the message says which."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_finalizeMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkFinalizeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FinalizeReportView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description An id names no invoice; nothing was finalized. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "An id names no invoice; nothing was finalized."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The invoice is not a draft: a finalized invoice never changes. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The invoice is not a draft: a finalized invoice never changes."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_export: {
        parameters: {
            query: {
                format: "csv" | "json" | "ledes1998b" | "pms" | "pdf" | "disbursements";
                /** @description With format=disbursements (required there, refused with any other format): the layout of the columns, a template shipped with the service. */
                template?: "generic" | "clio-activities";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, streamed, byte-identical every time: csv as text/csv, json as application/json, ledes1998b as text/plain, pms as text/plain, pdf as application/pdf, disbursements as text/csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/json; charset=utf-8": string;
                    "text/plain; charset=us-ascii": string;
                    "text/plain; charset=utf-8": string;
                    "application/pdf": string;
                };
            };
            /** @description A format or template that does not exist, disbursements without a template, a template with another format, LEDES without a firm id. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "A format or template that does not exist, disbursements without a template, a template with another format, LEDES without a firm id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not finalized (json shows a draft too), or a format that does not fit the business's kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not finalized (json shows a draft too), or a format that does not fit the business's kind."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The invoice is not a draft: a finalized invoice never changes. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The invoice is not a draft: a finalized invoice never changes."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_finalize: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The invoice is not a draft: a finalized invoice never changes. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The invoice is not a draft: a finalized invoice never changes."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InvoicesController_void: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidInvoiceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Only a finalized invoice can be voided. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Only a finalized invoice can be voided."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DeliveriesController_log: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryLogView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DeliveriesController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log so far; it goes on in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryLogView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No invoice has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No invoice has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not finalized, no billing system (no deliveryUrl), already delivered, or a delivery is running. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not finalized, no billing system (no deliveryUrl), already delivered, or a delivery is running."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CallDetailController_callDetail: {
        parameters: {
            query: {
                format: "pdf" | "csv";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, byte-identical every time while no other call is posted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "text/csv; charset=utf-8": string;
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No stay has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No stay has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    OverviewController_sources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcesOverviewView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    OverviewController_daily: {
        parameters: {
            query?: {
                /** @description The first local day, included (a day is the date of a call's start in its source's zone). Default: 29 days before `to`. */
                from?: string;
                /** @description The last local day, included; at most 366 days after `from`. Default: today, in the source's zone (`sourceId`) or else the default business's. */
                to?: string;
                /** @description Only this source's items. */
                sourceId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DailyView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    OverviewController_top: {
        parameters: {
            query: {
                /** @description The first local day, included (a day is the date of a call's start in its source's zone). Default: 29 days before `to`. */
                from?: string;
                /** @description The last local day, included; at most 366 days after `from`. Default: today, in the source's zone (`sourceId`) or else the default business's. */
                to?: string;
                /** @description Only this source's items. */
                sourceId?: number;
                by: "billing-account" | "destination";
                /** @description Rows, at most 100; default 10. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PmsLinksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PmsLinkListView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PmsLinksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePmsLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PmsLinkView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description A link has this name, or a source has a link. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "A link has this name, or a source has a link."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PmsLinksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PmsLinkView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No PMS link has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No PMS link has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PmsLinksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No PMS link has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No PMS link has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The link has postings or stays. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The link has postings or stays."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PmsLinksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePmsLinkDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PmsLinkView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No PMS link has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No PMS link has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Another link has this name or source. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Another link has this name or source."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PmsLinksController_resync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PmsLinkView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No PMS link has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No PMS link has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The link is not running. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The link is not running."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_list: {
        parameters: {
            query?: {
                linkId?: number;
                status?: "pending" | "in-flight" | "posted" | "exception" | "written-off";
                room?: string;
                /** @description A line item's postings. */
                lineItemId?: number;
                /** @description Postings older than this id (the next page). */
                beforeId?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingListView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No posting has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No posting has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingVersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No posting has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No posting has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not an exception, or changed since read (version). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not an exception, or changed since read (version)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_reroute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RerouteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No posting has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No posting has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not an exception, or changed since read (version). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not an exception, or changed since read (version)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_postLate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingVersionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No posting has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No posting has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not an exception, or changed since read (version). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not an exception, or changed since read (version)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_writeOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No posting has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No posting has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not an exception, or changed since read (version). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not an exception, or changed since read (version)."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PostingsController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostingReasonDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostingView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The key's or user's role is below the one this needs (viewer < accountant < admin), or a change by session cookie lacks its X-CSRF-Token. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This needs the accountant role; the key \"Front desk\" has viewer"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No posting has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No posting has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not posted, a correction itself, corrected already, or changed since read. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not posted, a correction itself, corrected already, or changed since read."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is larger than the service accepts (1 MB). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "request entity too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "The request body has Content-Type text/plain: send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    StaysController_list: {
        parameters: {
            query?: {
                linkId?: number;
                room?: string;
                /** @description Stays that held their room at this instant (ISO 8601 with a zone). */
                at?: string;
                /** @description The PMS reservation number (G#). */
                reservation?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StayListView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    StaysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StayView"];
                };
            };
            /** @description Invalid input: `details` names each failing field and what is wrong with it. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Invalid request: periodEnd: periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)",
                     *       "details": [
                     *         {
                     *           "field": "periodEnd",
                     *           "message": "periodEnd must be a date (2026-11-30) or a date-time with an offset (2026-11-30T00:00:00-07:00)"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No API key or session, or one that is not live: send `Authorization: Bearer <key>`, or sign in. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing API key or session: send Authorization: Bearer <key>, or sign in (POST /api/v1/session)"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No stay has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "No stay has this id."
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
}
