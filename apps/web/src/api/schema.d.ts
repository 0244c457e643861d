/**
 * Generated from the API's OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit:
 * change the zod schemas (packages/shared/src/contract, the routes) and regenerate.
 */

export interface paths {
    "/api/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys of units for external systems (never the keys themselves) */
        get: operations["getApiAdminApiKeys"];
        put?: never;
        /** Issue an API key: the answer carries the key, shown this once */
        post: operations["postApiAdminApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key (it stops at once) */
        post: operations["postApiAdminApiKeysByIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an API key: a new key with the same settings, the old one revoked */
        post: operations["postApiAdminApiKeysByIdRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sign-in-throttle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client addresses refused (or failing) sign-in */
        get: operations["getApiAdminSignInThrottle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sign-in-throttle/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Clear an address's sign-in failures */
        delete: operations["deleteApiAdminSignInThrottleByAddress"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All units (also sections and inactive ones) */
        get: operations["getApiAdminUnits"];
        put?: never;
        /** Create a unit */
        post: operations["postApiAdminUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a unit */
        patch: operations["patchApiAdminUnitsByCode"];
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, filtered */
        get: operations["getApiAdminUsers"];
        put?: never;
        /** Create a user (must change the password at first sign-in) */
        post: operations["postApiAdminUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user (roles, areas, unit, disabled, password reset) */
        patch: operations["patchApiAdminUsersById"];
        trace?: never;
    };
    "/api/admin/users/{id}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End all of a user's sessions */
        post: operations["postApiAdminUsersByIdRevokeSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/choropleth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every street, community or grid with its measures, the metric and its class breaks */
        get: operations["getApiAnalyticsChoropleth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The table behind a view as CSV or XLSX; the choropleth as GeoJSON */
        get: operations["getApiAnalyticsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incident locations binned for a map view (never the raw rows) */
        get: operations["getApiAnalyticsHeatmap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/hexbins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents per H3 hexagon (resolution given or chosen by zoom) */
        get: operations["getApiAnalyticsHexbins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/hotspots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Getis-Ord Gi* hot spots over grids or hexagons, with emerging classes */
        get: operations["getApiAnalyticsHotspots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incidents behind a number (region, week, day, hour × weekday, box or H3 cell), paged */
        get: operations["getApiAnalyticsIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals of the filtered incidents (from the rollup) */
        get: operations["getApiAnalyticsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Weekly counts against the previous period, and the hour × weekday matrix */
        get: operations["getApiAnalyticsTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Responsibility areas (GeoJSON) */
        get: operations["getApiAreas"];
        put?: never;
        /** Create an area */
        post: operations["postApiAreas"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One area (GeoJSON Feature) */
        get: operations["getApiAreasById"];
        put?: never;
        post?: never;
        /** Deactivate an area */
        delete: operations["deleteApiAreasById"];
        options?: never;
        head?: never;
        /** Change an area (versioned) */
        patch: operations["patchApiAreasById"];
        trace?: never;
    };
    "/api/areas/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All areas as a GeoJSON or zipped Shapefile download */
        get: operations["getApiAreasExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/areas/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import areas from GeoJSON, a zipped Shapefile or KML (dryRun: check only) */
        post: operations["postApiAreasImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who owns this point (and fine class), and why */
        get: operations["getApiAssign"];
        put?: never;
        /** Assign a batch of points */
        post: operations["postApiAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: operations["getApiAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in (sets the session cookies) */
        post: operations["postApiAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out */
        post: operations["postApiAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and the CSRF token */
        get: operations["getApiAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the own password */
        post: operations["postApiAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/basemaps/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A local PMTiles basemap archive (byte ranges) */
        get: operations["getApiBasemapsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's cluster: primary, members, R9 flag */
        get: operations["getApiClustersByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client configuration: basemaps, attribution, demo */
        get: operations["getApiConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deadlines/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deadlines registering now (or at start) would set */
        get: operations["getApiDeadlinesPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dispatch/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dispatch desk's queue (or, view=callbacks, the callbacks owed), keyset-paged, with counts */
        get: operations["getApiDispatchQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API reference page (HTML, from this document) */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incidents behind one figure (drill-down) */
        get: operations["getApiEvaluationIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicators and scores of the district, each street or each unit for a period (docs/EVALUATION.md) */
        get: operations["getApiEvaluationIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publishes a finished period: scheme and scores frozen */
        post: operations["postApiEvaluationPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ranking of units or streets with the change against the previous period and the red/black list */
        get: operations["getApiEvaluationRankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quarterly report as a printable page */
        get: operations["getApiEvaluationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/report/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The quarterly report as DOCX */
        get: operations["getApiEvaluationReportDocx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluation/scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A period's score scheme (published, its own, or the default) */
        get: operations["getApiEvaluationScheme"];
        /** Sets a period's score scheme (weights sum to 100; not once published) */
        put: operations["putApiEvaluationScheme"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live incident events (server-sent events), resumable */
        get: operations["getApiEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database engine, versions, migrations (503 when migrations are pending) */
        get: operations["getApiHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List incidents, newest first (keyset-paged) */
        get: operations["getApiIncidents"];
        put?: never;
        /**
         * Take in an incident (hotline seat, inspector, other system)
         * @description The Idempotency-Key header makes a retried intake answer the first one (200, idempotent-replayed).
         */
        post: operations["postApiIncidents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident, with the actions the caller may take */
        get: operations["getApiIncidentsByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{code}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A workflow action (register, dispatch, accept, arrive, resolve, verify, close, …)
         * @description Optimistic: `version` is the version the caller saw (409 version_conflict otherwise).
         */
        post: operations["postApiIncidentsByCodeActionsByAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{code}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the seat's callback (回访): reached, satisfaction, reopen */
        post: operations["postApiIncidentsByCodeCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{code}/classification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct the fine class (the assignment is recomputed) */
        post: operations["postApiIncidentsByCodeClassification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{code}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's event log, oldest first */
        get: operations["getApiIncidentsByCodeEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{code}/reporter/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reporter's unmasked name and phone (audited) */
        post: operations["postApiIncidentsByCodeReporterReveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the incident list's filters as CSV, XLSX or GeoJSON (streamed; scoped; reporter data masked) */
        get: operations["getApiIncidentsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clusters or points for one map view */
        get: operations["getApiIncidentsMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open incidents of the same subclass nearby (R9 merge candidates) */
        get: operations["getApiIncidentsSimilar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the knowledge base (q), or list its entries */
        get: operations["getApiKnowledge"];
        put?: never;
        /** Create an entry */
        post: operations["postApiKnowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry */
        get: operations["getApiKnowledgeById"];
        put?: never;
        post?: never;
        /** Deactivate an entry */
        delete: operations["deleteApiKnowledgeById"];
        options?: never;
        head?: never;
        /** Change an entry */
        patch: operations["patchApiKnowledgeById"];
        trace?: never;
    };
    "/api/letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Efficiency letters (a unit supervisor: their own unit) */
        get: operations["getApiLetters"];
        put?: never;
        /** Issues a warning or supervision letter to a unit */
        post: operations["postApiLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One letter with its history */
        get: operations["getApiLettersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Closes a replied letter out (销号) */
        post: operations["postApiLettersByIdClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter as DOCX */
        get: operations["getApiLettersByIdDocx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/{id}/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter as a printable page (official layout) */
        get: operations["getApiLettersByIdPrint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The addressed unit's rectification report (text + photos) */
        post: operations["postApiLettersByIdReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/letters/{id}/send-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends a reply back for more rectification */
        post: operations["postApiLettersByIdSendBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first */
        get: operations["getApiNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark some (ids) or all read */
        post: operations["postApiNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bell, live (server-sent events) */
        get: operations["getApiNotificationsStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many are unread */
        get: operations["getApiNotificationsUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getApiOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The day's coverage of the caller's areas */
        get: operations["getApiPatrolCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inspector's grids (or the grid at a point) */
        get: operations["getApiPatrolGrids"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol/grids/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One grid with its route and the day's tracks */
        get: operations["getApiPatrolGridsByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol/routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Planned routes in a map view */
        get: operations["getApiPatrolRoutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol/tracks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a track chunk (idempotent by chunkId) */
        post: operations["postApiPatrolTracks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patrol/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolved incidents waiting for the inspector to verify */
        get: operations["getApiPatrolVerifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload photos (multipart/form-data, field file, repeatable) */
        post: operations["postApiPhotos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo (the original) */
        get: operations["getApiPhotosById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo thumbnail (WebP, no EXIF) */
        get: operations["getApiPhotosByIdThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search named places (streets, communities, grids, roads, rivers) */
        get: operations["getApiPlaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A citizen's photos (multipart/form-data, at most 3) */
        post: operations["postApiPublicPhotos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A citizen's report (no sign-in; rate-limited) */
        post: operations["postApiPublicReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue, or the items matching q (Chinese, pinyin initials, code) */
        get: operations["getApiPublicServicesItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's guide (办事指南) */
        get: operations["getApiPublicServicesItemsByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/nearest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The nearest points handling an item (WGS84 lng/lat) */
        get: operations["getApiPublicServicesNearest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service points (optionally those handling an item) */
        get: operations["getApiPublicServicesPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/points/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service point with its hours and items */
        get: operations["getApiPublicServicesPointsByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/points/{code}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A point's slots on a day with the seats left */
        get: operations["getApiPublicServicesPointsByCodeSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Book a special service (no sign-in; the limits of public reports) */
        post: operations["postApiPublicServicesRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/requests/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Track a special-service request by its code */
        get: operations["getApiPublicServicesRequestsByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/requests/{code}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The citizen cancels a booked request */
        post: operations["postApiPublicServicesRequestsByCodeCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/services/requests/{code}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate a served request */
        post: operations["postApiPublicServicesRequestsByCodeRating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/track/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Track a report by its tracking code */
        get: operations["getApiPublicTrackByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/track/{code}/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report's public photo (thumbnail) */
        get: operations["getApiPublicTrackByCodePhotosById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/track/{code}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate the outcome */
        post: operations["postApiPublicTrackByCodeRating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grid editor change sets, newest first */
        get: operations["getApiRegionChanges"];
        put?: never;
        /** Start a draft change set */
        post: operations["postApiRegionChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One change set with its items and stored preview */
        get: operations["getApiRegionChangesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: publish now or at effectiveFrom (one transaction) */
        post: operations["postApiRegionChangesByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a draft's items */
        put: operations["putApiRegionChangesByIdItems"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate and preview the impact (nothing is written) */
        post: operations["postApiRegionChangesByIdPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a comment (nothing changes) */
        post: operations["postApiRegionChangesByIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft for approval (validated, preview stored) */
        post: operations["postApiRegionChangesByIdSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/region-changes/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a draft or submitted change set */
        post: operations["postApiRegionChangesByIdWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A map layer: the regions of one level (GeoJSON, ETag) */
        get: operations["getApiRegions"];
        put?: never;
        /** Create a region (dryRun: check only) */
        post: operations["postApiRegions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One region: parents, area, child count, version */
        get: operations["getApiRegionsByCode"];
        put?: never;
        post?: never;
        /** Delete a region */
        delete: operations["deleteApiRegionsByCode"];
        options?: never;
        head?: never;
        /** Change a region (a new version) */
        patch: operations["patchApiRegionsByCode"];
        trace?: never;
    };
    "/api/regions/{code}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gaps and overlaps of the children (GeoJSON) */
        get: operations["getApiRegionsByCodeCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{code}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Area added and removed between two versions */
        get: operations["getApiRegionsByCodeDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A region's versions (GeoJSON) */
        get: operations["getApiRegionsByCodeVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Regions as a GeoJSON or zipped Shapefile download */
        get: operations["getApiRegionsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import regions from GeoJSON, a zipped Shapefile or KML (dryRun: check only) */
        post: operations["postApiRegionsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/import/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a region file as a draft change set (nothing changes until it is approved) */
        post: operations["postApiRegionsImportDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/import/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read, reproject and check a region file without writing (the preview of an import) */
        post: operations["postApiRegionsImportParse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Label points of one level (GeoJSON, ETag) */
        get: operations["getApiRegionsLabels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-catalogue/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue as XLSX (importable back) */
        get: operations["getApiServiceCatalogueExportXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-catalogue/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an XLSX catalogue (all rows or none) */
        post: operations["postApiServiceCatalogueImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-catalogue/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an item */
        post: operations["postApiServiceCatalogueItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-catalogue/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an item (refused if it orphans open requests) */
        delete: operations["deleteApiServiceCatalogueItemsByCode"];
        options?: never;
        head?: never;
        /** Edit an item (writes the next version; refused if it orphans open requests) */
        patch: operations["patchApiServiceCatalogueItemsByCode"];
        trace?: never;
    };
    "/api/service-catalogue/items/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's versions, newest first */
        get: operations["getApiServiceCatalogueItemsByCodeVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A point's requests on a day */
        get: operations["getApiServiceRequests"];
        put?: never;
        /** Book a special service for a caller (hotline seat) */
        post: operations["postApiServiceRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/service-requests/{code}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a booked request served, no-show or cancelled */
        post: operations["postApiServiceRequestsByCodeByAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records an unannounced check */
        post: operations["postApiSupervisionChecks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supervision/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The supervision ledger: letters and unannounced checks */
        get: operations["getApiSupervisionLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxonomy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Classes → subclasses (lead unit) → fine classes (responsible unit), and the units */
        get: operations["getApiTaxonomy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/{layer}/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Any other layer: 404 tile_layer_not_found */
        get: operations["getApiTilesByLayerByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/areas/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vector tile: areas
         * @description Active responsibility areas: id, name, unitCode, classCode, geometryKind, bufferM. ETag from the layer's data version; If-None-Match → 304.
         */
        get: operations["getApiTilesAreasByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/communities/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vector tile: communities
         * @description Communities (current version): code, name, level, parentCode. ETag from the layer's data version; If-None-Match → 304.
         */
        get: operations["getApiTilesCommunitiesByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/grids/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vector tile: grids
         * @description Unit grids (the version valid at asOf, else current): code, name, level, parentCode. ETag from the layer's data version; If-None-Match → 304.
         */
        get: operations["getApiTilesGridsByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/incidents/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vector tile: incidents
         * @description Incidents the caller's map may show, with the map's filters: cluster cells below zoom 15 (kind, id, count, label, urgent, overdue), single incidents from it on (kind, id = code, state, track, urgent, overdue, fineClass, unitCode). ETag from the layer's data version; If-None-Match → 304.
         */
        get: operations["getApiTilesIncidentsByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/routes/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vector tile: routes
         * @description Planned patrol routes in the caller's patrol areas: gridCode, source. ETag from the layer's data version; If-None-Match → 304.
         */
        get: operations["getApiTilesRoutesByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tiles/streets/{z}/{x}/{y}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vector tile: streets
         * @description Streets/towns (current version): code, name, level, parentCode. ETag from the layer's data version; If-None-Match → 304.
         */
        get: operations["getApiTilesStreetsByZByXByY"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{unit}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's outbound webhook */
        get: operations["getApiUnitsByUnitWebhooks"];
        /** Set a unit's outbound webhook */
        put: operations["putApiUnitsByUnitWebhooks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/wall/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The command-center wall's panels in one answer */
        get: operations["getApiWallStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/colleagues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's colleagues in the unit */
        get: operations["getApiWorkbenchColleagues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/incidents/{code}/arrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Arrive on site (with a location check) */
        post: operations["postApiWorkbenchIncidentsByCodeArrive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/incidents/{code}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign within the unit (a section and/or a colleague) */
        post: operations["postApiWorkbenchIncidentsByCodeAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's ledger */
        get: operations["getApiWorkbenchLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/ledger.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's ledger as an XLSX download */
        get: operations["getApiWorkbenchLedgerXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's queue */
        get: operations["getApiWorkbenchQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workbench/sections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit's sections */
        get: operations["getApiWorkbenchSections"];
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
        AdminUser: {
            areas: {
                code: string;
                /** @enum {string} */
                level: "district" | "street" | "community" | "grid";
                name: string;
            }[];
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            lastLoginAt: string | null;
            mustChangePassword: boolean;
            roles: ("admin" | "dispatcher" | "inspector" | "grid_admin" | "handler" | "unit_supervisor" | "efficiency_office" | "viewer" | "service_admin")[];
            unit: {
                code: string;
                name: string;
            };
            username: string;
        };
        AdminUserList: {
            items: components["schemas"]["AdminUser"][];
        };
        ApiKey: {
            active: boolean;
            createdAt: string;
            createdBy: string | null;
            expiresAt: string | null;
            id: string;
            lastUsedAt: string | null;
            name: string;
            prefix: string | null;
            rateLimitPerMinute: number;
            replacesId: string | null;
            revokedAt: string | null;
            scopes: string[];
            unit: {
                code: string;
                name: string;
            };
            useCount: number;
        };
        ApiKeyList: {
            items: components["schemas"]["ApiKey"][];
        };
        AppConfig: {
            attribution: string[];
            basemaps: components["schemas"]["Basemap"][];
            demo: boolean;
        };
        AuditPage: {
            items: {
                action: string;
                actor: {
                    id: string;
                    username: string | null;
                } | null;
                at: string;
                detail: unknown;
                id: number;
                ip: string | null;
                objectId: string | null;
                objectType: string | null;
                role: string | null;
                userAgent: string | null;
            }[];
            nextBefore: number | null;
        };
        Basemap: {
            attribution?: string;
            /** @enum {string} */
            crs: "wgs84" | "gcj02";
            id: string;
            label: string;
            labelTiles?: string[];
            maxZoom?: number;
            /** @enum {string} */
            preset: "tianditu:vec" | "tianditu:img" | "tianditu:ter" | "xyz" | "wmts" | "style" | "pmtiles";
            tiles?: string[];
            /** @enum {string} */
            type: "xyz" | "style" | "pmtiles";
            url: string;
        };
        Colleagues: {
            colleagues: {
                displayName: string;
                me: boolean;
                roles: string[];
                username: string;
            }[];
            unitCode: string;
        };
        DeadlinePreview: {
            deadlines: {
                dueAt: string;
                /** @enum {string} */
                kind: "resolveBy" | "dispatchBy" | "arriveBy" | "handleBy" | "ownershipBy" | "callbackAt";
                /** @enum {string} */
                rule: "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R10";
            }[];
            start: string;
            /** @enum {string} */
            type: "complaint" | "consultation" | "simple" | "urgent";
        };
        DeskQueuePage: {
            items: components["schemas"]["IncidentListItem"][];
            nextCursor: string | null;
            total: number;
            urgent: number;
        };
        GeoJsonGeometry: {
            coordinates: unknown[];
            type: string;
        };
        Health: {
            demoData?: {
                /** @enum {string} */
                state: "none" | "generating" | "ready";
                total: number | null;
                written: number;
            };
            /** @enum {string} */
            engine: "embedded" | "server";
            migrations: {
                applied: number;
                pending: string[];
                total: number;
            };
            postgis: string;
            postgres: string;
            readReplica?: {
                checkedAt: string | null;
                lagBytes: number | null;
                lagSeconds: number | null;
                maxLagSeconds: number;
                /** @enum {string} */
                reads: "replica" | "primary";
                reason?: string;
                /** @enum {string} */
                state: "ok" | "lagging" | "down";
            };
            /** @enum {string} */
            status: "ok" | "degraded";
        };
        IncidentDetail: {
            acceptedAt: string | null;
            address: string | null;
            allowedActions: ("register" | "dispatch" | "accept" | "arrive" | "resolve" | "verifyPass" | "verifyFail" | "close" | "returnToCenter" | "redispatch" | "reject" | "merge" | "selfResolve" | "answerAndClose" | "reopen" | "requestExtension" | "decideExtension")[];
            arrivedAt: string | null;
            assignment: ({
                area?: {
                    areaId: string | number;
                    name: string;
                } | null;
                candidates?: {
                    area?: {
                        areaId: string | number;
                        name: string;
                    };
                    beatenBy: {
                        en: string;
                        zh: string;
                    };
                    reason: {
                        en: string;
                        zh: string;
                    };
                    /** @enum {string} */
                    rule: "responsibility_area" | "fine_class" | "territorial" | "lead_unit_fallback" | "no_class";
                    unit: {
                        code: string;
                        name: string;
                    };
                }[];
                community?: {
                    code: string;
                    name: string;
                } | null;
                explanation?: {
                    en: string;
                    zh: string;
                }[];
                grid?: {
                    code: string;
                    name: string;
                } | null;
                nearBoundary?: {
                    distanceM: number;
                    /** @enum {string} */
                    level: "district" | "street" | "community" | "grid";
                    neighbour: {
                        code: string;
                        name: string;
                    };
                } | null;
                needsReview?: boolean;
                point?: {
                    lat: number;
                    lng: number;
                };
                /** @enum {string} */
                rule?: "responsibility_area" | "fine_class" | "territorial" | "lead_unit_fallback" | "no_class";
                street?: {
                    code: string;
                    name: string;
                } | null;
                unit?: {
                    code: string;
                    name: string;
                };
            } & {
                [key: string]: unknown;
            }) | null;
            /** @enum {string} */
            channel: "hotline_12345" | "hotline_12315" | "hotline_12369" | "patrol" | "public_web" | "open311" | "other_system";
            closedAt: string | null;
            code: string;
            createdAt: string;
            createdBy: string | null;
            deadlines: {
                arriveBy: string | null;
                callbackAt: string | null;
                dispatchBy: string | null;
                handleBy: string | null;
                overdueAt: string | null;
                ownershipBy: string | null;
                resolveBy: string | null;
            };
            description: string;
            dispatchedAt: string | null;
            escalationLevel: number;
            extension: {
                pending: boolean;
                reason: string | null;
                requestedDueAt: string | null;
            };
            extensionPending: boolean;
            fineClass: {
                code: string;
                name: string;
                subclass: {
                    code: string;
                    name: string;
                } | null;
            } | null;
            firstUnit: {
                code: string;
                name: string;
            } | null;
            hazardMarked: boolean;
            location: {
                lat: number;
                lng: number;
            } | null;
            locationCrs: ("wgs84" | "gcj02" | "bd09") | null;
            needsReview: boolean;
            primaryCode: string | null;
            regions: {
                community: {
                    code: string;
                    name: string | null;
                } | null;
                grid: {
                    code: string;
                    name: string | null;
                } | null;
                street: {
                    code: string;
                    name: string | null;
                } | null;
            };
            regionVersions: {
                community: number | null;
                grid: number | null;
                street: number | null;
            };
            registeredAt: string | null;
            reopenCount: number;
            reporter: {
                name: string | null;
                phone: string | null;
            };
            /** @enum {string} */
            requestType: "complaint" | "consultation" | "help" | "suggestion" | "report";
            resolvedAt: string | null;
            reworkCount: number;
            safetyHazard: boolean;
            satisfaction: ("satisfied" | "basically_satisfied" | "not_satisfied") | null;
            /** @enum {string} */
            state: "reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged";
            street: {
                code: string;
                name: string | null;
            } | null;
            suggestedUnit: {
                code: string;
                name: string;
            } | null;
            /** @enum {string} */
            track: "normal" | "simple" | "urgent";
            trackingCode: string;
            /** @enum {string} */
            type: "complaint" | "consultation" | "simple" | "urgent";
            unit: {
                code: string;
                name: string;
            } | null;
            updatedAt: string;
            version: number;
        };
        IncidentEvent: {
            action: string;
            actor: string | null;
            actorName?: string | null;
            actorRole: string | null;
            at: string;
            data: {
                [key: string]: unknown;
            } | null;
            from: ("reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged") | null;
            id: number;
            note: string | null;
            photos: ({
                id: string;
                /** @enum {string} */
                kind: "before" | "after" | "attachment";
            } | string)[] | null;
            to: ("reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged") | null;
        };
        IncidentEvents: {
            code: string;
            events: components["schemas"]["IncidentEvent"][];
        };
        IncidentListItem: {
            address: string | null;
            /** @enum {string} */
            channel: "hotline_12345" | "hotline_12315" | "hotline_12369" | "patrol" | "public_web" | "open311" | "other_system";
            code: string;
            createdAt: string;
            deadlines: {
                arriveBy: string | null;
                callbackAt: string | null;
                dispatchBy: string | null;
                handleBy: string | null;
                overdueAt: string | null;
                ownershipBy: string | null;
                resolveBy: string | null;
            };
            description: string;
            escalationLevel: number;
            extensionPending: boolean;
            fineClass: {
                code: string;
                name: string;
                subclass: {
                    code: string;
                    name: string;
                } | null;
            } | null;
            location: {
                lat: number;
                lng: number;
            } | null;
            needsReview: boolean;
            reporter: {
                name: string | null;
                phone: string | null;
            };
            /** @enum {string} */
            requestType: "complaint" | "consultation" | "help" | "suggestion" | "report";
            safetyHazard: boolean;
            /** @enum {string} */
            state: "reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged";
            street: {
                code: string;
                name: string | null;
            } | null;
            suggestedUnit: {
                code: string;
                name: string;
            } | null;
            /** @enum {string} */
            track: "normal" | "simple" | "urgent";
            /** @enum {string} */
            type: "complaint" | "consultation" | "simple" | "urgent";
            unit: {
                code: string;
                name: string;
            } | null;
            updatedAt: string;
            version: number;
        };
        IncidentPage: {
            items: components["schemas"]["IncidentListItem"][];
            nextCursor: string | null;
        };
        IssuedApiKey: {
            active: boolean;
            createdAt: string;
            createdBy: string | null;
            expiresAt: string | null;
            id: string;
            key: string;
            lastUsedAt: string | null;
            name: string;
            prefix: string | null;
            rateLimitPerMinute: number;
            replacesId: string | null;
            revokedAt: string | null;
            scopes: string[];
            unit: {
                code: string;
                name: string;
            };
            useCount: number;
        };
        Me: {
            areas: {
                code: string;
                /** @enum {string} */
                level: "district" | "street" | "community" | "grid";
                name: string;
            }[];
            displayName: string;
            id: string;
            mustChangePassword: boolean;
            permissions: ("incident.read" | "incident.create" | "incident.act" | "incident.dispatch" | "incident.reveal" | "incident.export" | "map.read" | "region.write" | "region.approve" | "area.write" | "map.import" | "knowledge.write" | "photo.upload" | "unit.read" | "user.manage" | "audit.read" | "evaluation.read" | "evaluation.manage" | "letter.reply" | "service.manage" | "service.book")[];
            roles: ("admin" | "dispatcher" | "inspector" | "grid_admin" | "handler" | "unit_supervisor" | "efficiency_office" | "viewer" | "service_admin")[];
            unit: {
                code: string;
                name: string;
            };
            username: string;
        };
        Notification: {
            at: string;
            data: ({
                action?: string;
                fineClass?: string;
                level?: number;
                message?: {
                    en: string;
                    zh: string;
                };
                rule?: string;
                state?: string;
                unitCode?: string;
            } & {
                [key: string]: unknown;
            }) | null;
            id: number;
            incidentCode: string;
            /** @enum {string} */
            kind: "assignment" | "urge" | "supervision" | "verification" | "closure" | "reopen";
            read: boolean;
        };
        NotificationList: {
            items: components["schemas"]["Notification"][];
            unread: number;
        };
        OwedCallbackItem: {
            address: string | null;
            callback: {
                dueAt: string;
                /** @enum {string} */
                kind: "r10" | "progress" | "satisfaction";
            };
            /** @enum {string} */
            channel: "hotline_12345" | "hotline_12315" | "hotline_12369" | "patrol" | "public_web" | "open311" | "other_system";
            code: string;
            createdAt: string;
            deadlines: {
                arriveBy: string | null;
                callbackAt: string | null;
                dispatchBy: string | null;
                handleBy: string | null;
                overdueAt: string | null;
                ownershipBy: string | null;
                resolveBy: string | null;
            };
            description: string;
            escalationLevel: number;
            extensionPending: boolean;
            fineClass: {
                code: string;
                name: string;
                subclass: {
                    code: string;
                    name: string;
                } | null;
            } | null;
            location: {
                lat: number;
                lng: number;
            } | null;
            needsReview: boolean;
            reporter: {
                name: string | null;
                phone: string | null;
            };
            /** @enum {string} */
            requestType: "complaint" | "consultation" | "help" | "suggestion" | "report";
            safetyHazard: boolean;
            /** @enum {string} */
            state: "reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged";
            street: {
                code: string;
                name: string | null;
            } | null;
            suggestedUnit: {
                code: string;
                name: string;
            } | null;
            /** @enum {string} */
            track: "normal" | "simple" | "urgent";
            /** @enum {string} */
            type: "complaint" | "consultation" | "simple" | "urgent";
            unit: {
                code: string;
                name: string;
            } | null;
            updatedAt: string;
            version: number;
        };
        OwedCallbacksPage: {
            items: components["schemas"]["OwedCallbackItem"][];
            nextCursor: string | null;
            total: number;
            urgent: number;
        };
        PatrolGrids: {
            areas: string[];
            current: string | null;
            grids: components["schemas"]["PatrolGridSummary"][];
        };
        PatrolGridSummary: {
            code: string;
            hasRoute: boolean;
            name: string;
        };
        PhotoLink: {
            id: string;
            thumbnailUrl: string;
            url: string;
        };
        Place: {
            id: string;
            /** @enum {string} */
            kind: "street" | "community" | "grid" | "road" | "river";
            line?: {
                coordinates: number[][];
                /** @constant */
                type: "LineString";
            };
            name: string;
            parent: {
                code: string;
                name: string | null;
            } | null;
            point: {
                lat: number;
                lng: number;
            };
        };
        PlaceSearch: {
            places: components["schemas"]["Place"][];
            query: string;
        };
        Problem: {
            code: string;
            detail: string;
            errors?: {
                message: string;
                path: string;
            }[];
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        PublicTrack: {
            fineClass: {
                code: string;
                name: string;
            } | null;
            rating: {
                canRate: boolean;
                given: ("satisfied" | "basically_satisfied" | "not_satisfied") | null;
            };
            reportedAt: string;
            state: string;
            stateLabel: {
                en: string;
                zh: string;
            };
            timeline: {
                at: string;
                photos?: string[];
                /** @enum {string} */
                step: "received" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "rework" | "returned" | "rejected" | "merged" | "reopened" | "extension_requested" | "extended" | "rated" | "cluster_closed" | "cluster_reopened";
                text?: string | null;
                unit?: {
                    en: string;
                    zh: string;
                } | null;
            }[];
            trackingCode: string;
        };
        RegionChangeImpact: {
            areas: {
                changedM2: number;
                id: number;
                name: string;
                unitCode: string;
            }[];
            incidents: {
                count: number;
                items: {
                    code: string;
                    from: {
                        communityCode: string | null;
                        gridCode: string | null;
                        streetCode: string | null;
                        unitCode: string | null;
                    };
                    state: string;
                    to: {
                        communityCode: string | null;
                        gridCode: string | null;
                        gridIndex: number | null;
                        streetCode: string | null;
                        unitCode: string | null;
                    };
                }[];
            };
            regions: {
                areaAfterM2: number | null;
                areaBeforeM2: number | null;
                code: string;
                index: number;
                level: string | null;
                name: string | null;
                /** @enum {string} */
                op: "create" | "update" | "retire";
            }[];
            routes: {
                gridCode: string;
                lengthM: number;
                outsideM: number;
                retired: boolean;
            }[];
        };
        RegionChangeItem: {
            baseVersion: number | null;
            code: string | null;
            geometry: components["schemas"]["GeoJsonGeometry"] | null;
            index: number;
            /** @enum {string} */
            level: "district" | "street" | "community" | "grid";
            name: string | null;
            /** @enum {string} */
            op: "create" | "update" | "retire";
            parentCode: string | null;
            publishedVersion: number | null;
        };
        RegionChangeSet: {
            createdAt: string;
            createdBy: string;
            decidedAt: string | null;
            decidedBy: string | null;
            decisionComment: string | null;
            effectiveFrom: string | null;
            id: number;
            itemCount: number;
            items: components["schemas"]["RegionChangeItem"][];
            preview: components["schemas"]["RegionChangeImpact"] | null;
            publishedAt: string | null;
            /** @enum {string} */
            state: "draft" | "submitted" | "approved" | "rejected" | "withdrawn";
            submittedAt: string | null;
            submittedBy: string | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        RegionChangeSetList: {
            items: components["schemas"]["RegionChangeSetSummary"][];
        };
        RegionChangeSetSummary: {
            createdAt: string;
            createdBy: string;
            decidedAt: string | null;
            decidedBy: string | null;
            decisionComment: string | null;
            effectiveFrom: string | null;
            id: number;
            itemCount: number;
            publishedAt: string | null;
            /** @enum {string} */
            state: "draft" | "submitted" | "approved" | "rejected" | "withdrawn";
            submittedAt: string | null;
            submittedBy: string | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        RegionDiff: {
            addedM2: number;
            code: string;
            features: {
                geometry: components["schemas"]["GeoJsonGeometry"];
                properties: {
                    areaM2: number;
                    /** @enum {string} */
                    kind: "added" | "removed";
                };
                /** @constant */
                type: "Feature";
            }[];
            from: {
                areaM2: number;
                validFrom: string;
                validTo: string | null;
                version: number;
            };
            removedM2: number;
            to: {
                areaM2: number;
                validFrom: string;
                validTo: string | null;
                version: number;
            };
            /** @constant */
            type: "FeatureCollection";
        };
        RevealedReporter: {
            name: string | null;
            phone: string | null;
        };
        ServiceGuide: {
            item: components["schemas"]["ServiceItem"];
            points: {
                district_center: number;
                town_center: number;
                village_point: number;
            };
        };
        ServiceItem: {
            /** @enum {string} */
            category: "utilities" | "civil_affairs" | "social_security" | "household" | "medical_insurance" | "housing" | "business" | "other";
            code: string;
            demo: boolean;
            fees: string;
            materials: string[];
            name: string;
            nameEn: string | null;
            onlinePrereview: boolean;
            pinyinInitials: string;
            specialServices: ("appointment" | "extended_hours" | "home_visit" | "proxy")[];
            steps: string;
            timeLimitDays: number;
            unitCode: string | null;
            unitName: string;
            validFrom: string;
            validTo: string | null;
            version: number;
        };
        ServiceItemList: {
            items: {
                /** @enum {string} */
                category: "utilities" | "civil_affairs" | "social_security" | "household" | "medical_insurance" | "housing" | "business" | "other";
                code: string;
                demo: boolean;
                fees: string;
                materials: string[];
                name: string;
                nameEn: string | null;
                onlinePrereview: boolean;
                pinyinInitials: string;
                specialServices: ("appointment" | "extended_hours" | "home_visit" | "proxy")[];
                steps: string;
                timeLimitDays: number;
                unitCode: string | null;
                unitName: string;
                validFrom: string;
                validTo: string | null;
                version: number;
                /** @enum {string} */
                via?: "text" | "pinyin" | "code";
            }[];
        };
        ServicePoint: {
            address: string;
            code: string;
            distanceM?: number;
            extendedHours: string | null;
            itemCount: number;
            /** @enum {string} */
            kind: "district_center" | "town_center" | "village_point";
            lat: number;
            lng: number;
            name: string;
            nameEn: string | null;
            openingHours: string;
            phone: string | null;
            regionCode: string;
            slotCapacity: number;
            slotMinutes: number;
        };
        ServicePointDetail: {
            items: components["schemas"]["ServiceItem"][];
            point: components["schemas"]["ServicePoint"];
        };
        ServicePointList: {
            points: components["schemas"]["ServicePoint"][];
        };
        ServiceRequestPublic: {
            cancelledAt: string | null;
            citizenName: string;
            createdAt: string;
            deadline: string;
            item: {
                code: string;
                name: string;
                nameEn: string | null;
                version: number;
            };
            /** @enum {string} */
            kind: "appointment" | "extended_hours" | "home_visit" | "proxy";
            point: {
                address: string;
                code: string;
                name: string;
                nameEn: string | null;
            };
            publicCode: string;
            rating: {
                canRate: boolean;
                given: ("satisfied" | "basically_satisfied" | "not_satisfied") | null;
            };
            servedAt: string | null;
            slotAt: string;
            /** @enum {string} */
            state: "booked" | "served" | "cancelled" | "no_show";
        };
        ServiceRequestStaff: {
            address: string | null;
            cancelledAt: string | null;
            /** @enum {string} */
            channel: "public_web" | "hotline";
            citizenName: string;
            citizenPhone: string;
            createdAt: string;
            deadline: string;
            item: {
                code: string;
                name: string;
                nameEn: string | null;
                version: number;
            };
            /** @enum {string} */
            kind: "appointment" | "extended_hours" | "home_visit" | "proxy";
            note: string | null;
            onTime: boolean | null;
            point: {
                address: string;
                code: string;
                name: string;
                nameEn: string | null;
            };
            publicCode: string;
            rating: {
                canRate: boolean;
                given: ("satisfied" | "basically_satisfied" | "not_satisfied") | null;
            };
            servedAt: string | null;
            slotAt: string;
            /** @enum {string} */
            state: "booked" | "served" | "cancelled" | "no_show";
        };
        ServiceRequestStaffList: {
            requests: components["schemas"]["ServiceRequestStaff"][];
        };
        ServiceSlots: {
            date: string;
            pointCode: string;
            slots: {
                at: string;
                /** @enum {string} */
                kind: "opening" | "extended";
                left: number;
                time: string;
            }[];
            workingDay: boolean;
        };
        Session: {
            csrfToken: string | null;
            user: components["schemas"]["Me"];
        };
        SignInThrottleList: {
            items: {
                address: string;
                failures: number;
                throttled: boolean;
                windowEndsAt: string;
                windowStart: string;
            }[];
            maxFailures: number;
            windowMinutes: number;
        };
        SimilarIncident: {
            code: string;
            createdAt: string;
            description: string;
            distanceM: number;
            fineClass: string | null;
            flagged: boolean;
            memberCount: number;
            photo: string | null;
            /** @enum {string} */
            state: "reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged";
        };
        SimilarIncidents: {
            /** @enum {string} */
            crs: "wgs84" | "gcj02" | "bd09";
            days: number;
            fineClass: string;
            incidents: components["schemas"]["SimilarIncident"][];
            point: {
                lat: number;
                lng: number;
            };
            radiusM: number;
            subclass: string;
        };
        Taxonomy: {
            classes: {
                code: string;
                name: string;
                nameEn: string;
                subclasses: {
                    code: string;
                    fineClasses: {
                        code: string;
                        name: string;
                        nameEn: string;
                        responsibleUnit: {
                            code: string;
                            name: string;
                            nameEn: string;
                        } | null;
                        safetyHazard: boolean;
                        territorial: boolean;
                    }[];
                    leadUnit: {
                        code: string;
                        name: string;
                        nameEn: string;
                    };
                    name: string;
                    nameEn: string;
                }[];
            }[];
            units: {
                code: string;
                /** @enum {string} */
                kind: "command" | "supervision" | "department" | "utility" | "street_office" | "section";
                name: string;
                nameEn: string;
                parentCode: string | null;
                regionCode: string | null;
            }[];
        };
        UnitList: {
            items: components["schemas"]["UnitRow"][];
        };
        UnitRow: {
            active: boolean;
            code: string;
            /** @enum {string} */
            kind: "command" | "supervision" | "department" | "utility" | "street_office" | "section";
            name: string;
            nameEn: string;
            parentCode: string | null;
            regionCode: string | null;
        };
        VerificationItem: {
            address: string | null;
            afterPhotos: components["schemas"]["PhotoLink"][];
            beforePhotos: components["schemas"]["PhotoLink"][];
            code: string;
            description: string;
            fineClass: string | null;
            gridCode: string | null;
            location: {
                coordinates: number[];
                /** @constant */
                type: "Point";
            } | null;
            resolvedAt: string | null;
            resolveNote: string | null;
            unitCode: string | null;
            version: number;
        };
        VerificationList: {
            items: components["schemas"]["VerificationItem"][];
        };
        WorkItem: {
            address: string | null;
            allowedActions: ("register" | "dispatch" | "accept" | "arrive" | "resolve" | "verifyPass" | "verifyFail" | "close" | "returnToCenter" | "redispatch" | "reject" | "merge" | "selfResolve" | "answerAndClose" | "reopen" | "requestExtension" | "decideExtension")[];
            assignee: string | null;
            assigneeName: string | null;
            /** @enum {string} */
            channel: "hotline_12345" | "hotline_12315" | "hotline_12369" | "patrol" | "public_web" | "open311" | "other_system";
            code: string;
            createdAt: string;
            deadlines: {
                arriveBy: string | null;
                callbackAt: string | null;
                dispatchBy: string | null;
                handleBy: string | null;
                overdueAt: string | null;
                ownershipBy: string | null;
                resolveBy: string | null;
            };
            description: string;
            dispatchedAt: string | null;
            due: {
                at: string;
                iso: string;
                /** @enum {string} */
                kind: "resolveBy" | "handleBy" | "arriveBy";
            } | null;
            escalationLevel: number;
            extensionPending: boolean;
            extensionReason: string | null;
            fineClass: {
                code: string;
                name: string;
                subclass: {
                    code: string;
                    name: string;
                } | null;
            } | null;
            hazardMarked: boolean;
            location: {
                lat: number;
                lng: number;
            } | null;
            needsReview: boolean;
            overdue: boolean;
            reporter: {
                name: string | null;
                phone: string | null;
            };
            /** @enum {string} */
            requestType: "complaint" | "consultation" | "help" | "suggestion" | "report";
            safetyHazard: boolean;
            section: {
                code: string;
                name: string | null;
            } | null;
            /** @enum {string} */
            state: "reported" | "registered" | "dispatched" | "accepted" | "on_site" | "resolved" | "closed" | "returned" | "rejected" | "merged";
            street: {
                code: string;
                name: string | null;
            } | null;
            suggestedUnit: {
                code: string;
                name: string;
            } | null;
            /** @enum {string} */
            track: "normal" | "simple" | "urgent";
            /** @enum {string} */
            type: "complaint" | "consultation" | "simple" | "urgent";
            unit: {
                code: string;
                name: string;
            } | null;
            updatedAt: string;
            version: number;
        };
        WorkQueue: {
            generatedAt: string;
            items: components["schemas"]["WorkItem"][];
            unit: {
                code: string;
                name: string;
                nameEn: string;
            };
            unitCode: string;
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
    getApiAdminApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAdminApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresAt?: string | null;
                    name: string;
                    /** @default 60 */
                    rateLimitPerMinute?: number;
                    scopes: ("open311:write" | "incidents:read")[];
                    unitCode: string;
                };
            };
        };
        responses: {
            /** @description Issued: the key is in this answer only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAdminApiKeysByIdRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAdminApiKeysByIdRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Issued: the key is in this answer only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAdminSignInThrottle: {
        parameters: {
            query?: {
                all?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInThrottleList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiAdminSignInThrottleByAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a client address (IPv4, or an IPv6 /64 prefix) */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAdminUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAdminUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    code: string;
                    /** @enum {string} */
                    kind: "command" | "supervision" | "department" | "utility" | "street_office" | "section";
                    name: string;
                    /** @default  */
                    nameEn?: string;
                    parentCode?: string | null;
                    regionCode?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitRow"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiAdminUnitsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description a unit code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @enum {string} */
                    kind?: "command" | "supervision" | "department" | "utility" | "street_office" | "section";
                    name?: string;
                    nameEn?: string;
                    parentCode?: string | null;
                    regionCode?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitRow"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAdminUsers: {
        parameters: {
            query?: {
                q?: string;
                role?: "admin" | "dispatcher" | "inspector" | "grid_admin" | "handler" | "unit_supervisor" | "efficiency_office" | "viewer" | "service_admin";
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAdminUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    areaCodes?: string[];
                    displayName: string;
                    password: string;
                    roles: ("admin" | "dispatcher" | "inspector" | "grid_admin" | "handler" | "unit_supervisor" | "efficiency_office" | "viewer" | "service_admin")[];
                    unitCode: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiAdminUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    areaCodes?: string[];
                    disabled?: boolean;
                    displayName?: string;
                    password?: string;
                    roles?: ("admin" | "dispatcher" | "inspector" | "grid_admin" | "handler" | "unit_supervisor" | "efficiency_office" | "viewer" | "service_admin")[];
                    unitCode?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAdminUsersByIdRevokeSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {revoked: count} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsChoropleth: {
        parameters: {
            query?: {
                channel?: string;
                class?: string;
                classes?: number;
                community?: string;
                from?: string;
                grid?: string;
                level?: "street" | "community" | "grid";
                method?: "quantile" | "jenks";
                metric?: "count" | "density" | "overdueRate" | "meanHandlingHours" | "reworkRate" | "satisfaction";
                overdue?: "true" | "false";
                requestType?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Regions with values and breaks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsExport: {
        parameters: {
            query: {
                channel?: string;
                class?: string;
                community?: string;
                format: "csv" | "xlsx" | "geojson";
                from?: string;
                grid?: string;
                overdue?: "true" | "false";
                requestType?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
                view: "choropleth" | "hotspots" | "timeseries" | "hexbins";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, XLSX or GeoJSON (by format) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsHeatmap: {
        parameters: {
            query: {
                bbox: string;
                channel?: string;
                class?: string;
                community?: string;
                from?: string;
                grid?: string;
                overdue?: "true" | "false";
                requestType?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
                zoom: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bins with counts, overdue and urgent weights */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsHexbins: {
        parameters: {
            query?: {
                channel?: string;
                class?: string;
                community?: string;
                from?: string;
                grid?: string;
                overdue?: "true" | "false";
                requestType?: string;
                res?: number;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
                zoom?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hexagons with counts and outlines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsHotspots: {
        parameters: {
            query?: {
                channel?: string;
                class?: string;
                community?: string;
                from?: string;
                grid?: string;
                over?: "grid" | "hex";
                overdue?: "true" | "false";
                requestType?: string;
                res?: number;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Features with z, p, confidence bin and emerging class */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsIncidents: {
        parameters: {
            query?: {
                box?: string;
                channel?: string;
                class?: string;
                community?: string;
                day?: string;
                dow?: number;
                from?: string;
                grid?: string;
                h3?: string;
                hour?: number;
                limit?: number;
                offset?: number;
                overdue?: "true" | "false";
                region?: string;
                requestType?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
                week?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Total and one page of incidents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsSummary: {
        parameters: {
            query?: {
                channel?: string;
                class?: string;
                community?: string;
                from?: string;
                grid?: string;
                overdue?: "true" | "false";
                requestType?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts and sums */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAnalyticsTimeseries: {
        parameters: {
            query?: {
                channel?: string;
                class?: string;
                community?: string;
                from?: string;
                grid?: string;
                overdue?: "true" | "false";
                requestType?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                urgent?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Weeks and the matrix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAreas: {
        parameters: {
            query?: {
                classCode?: string;
                includeInactive?: "true" | "false";
                unitCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection of areas */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAreas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bufferM?: number | null;
                    classCode: string;
                    geometry: unknown;
                    name: string;
                    unitCode: string;
                };
            };
        };
        responses: {
            /** @description The new Feature */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAreasById: {
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
            /** @description Feature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiAreasById: {
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
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiAreasById: {
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
                "application/json": {
                    bufferM?: number | null;
                    classCode?: string;
                    geometry?: unknown;
                    name?: string;
                    unitCode?: string;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The Feature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAreasExport: {
        parameters: {
            query?: {
                format?: "geojson" | "shapefile";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection (format=geojson, the default) or, with format=shapefile, application/zip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAreasImport: {
        parameters: {
            query?: {
                /** @description The file's coordinate system: auto (default: the Shapefile's .prj, a GeoJSON crs member, else WGS84), wgs84, cgcs2000, gcj02, bd09, or an EPSG code such as EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E) */
                crs?: string;
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file as the raw body, with its media type: application/json, application/geo+json, application/zip, application/x-zip-compressed, application/vnd.google-earth.kml+xml, application/xml, text/xml, application/octet-stream (octet-stream: recognised by content). GeoJSON is a FeatureCollection; a Shapefile is one .zip of .shp/.dbf/.prj (.cpg). */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The import summary (per feature; with `source`: format and coordinate system, for files) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAssign: {
        parameters: {
            query: {
                at?: string;
                crs?: "wgs84" | "gcj02" | "bd09";
                fineClass?: string;
                lang?: "zh" | "en";
                lat: number;
                lng: number;
                nearM?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assignment decision with regions, candidates, explanation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAssign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at?: string;
                    /** @enum {string} */
                    lang?: "zh" | "en";
                    nearM?: number;
                    points: {
                        /** @enum {string} */
                        crs?: "wgs84" | "gcj02" | "bd09";
                        fineClass?: string | null;
                        lat: number;
                        lng: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description {results: decisions, in order} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAudit: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                before?: number;
                from?: string;
                limit?: number;
                objectId?: string;
                objectType?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiBasemapsByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The archive, as /api/config names it (`<basemap id>.pmtiles`) */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.pmtiles": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.pmtiles": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiClustersByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cluster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppConfig"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiDeadlinesPreview: {
        parameters: {
            query: {
                start?: string;
                type: "complaint" | "consultation" | "simple" | "urgent";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePreview"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiDispatchQueue: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                view?: "waiting" | "callbacks";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskQueuePage"] | components["schemas"]["OwedCallbacksPage"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvaluationIncidents: {
        parameters: {
            query: {
                code?: string;
                indicator: string;
                level?: "district" | "street" | "unit";
                limit?: number;
                part?: "numerator" | "denominator";
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description DrillAnswer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvaluationIndicators: {
        parameters: {
            query?: {
                code?: string;
                level?: "district" | "street" | "unit";
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description IndicatorsAnswer (packages/shared evaluation/wire.ts) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiEvaluationPublish: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {period, published} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvaluationRankings: {
        parameters: {
            query?: {
                code?: string;
                level?: "district" | "street" | "unit";
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RankingsAnswer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvaluationReport: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvaluationReportDocx: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvaluationScheme: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {period, source, published, components} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiEvaluationScheme: {
        parameters: {
            query: {
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    components: {
                        indicator: string;
                        weight: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description {period, source, published, components} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiEvents: {
        parameters: {
            query?: {
                lastEventId?: string;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description event: incident | ready | resync */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Migrations pending */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiIncidents: {
        parameters: {
            query?: {
                class?: string;
                cursor?: string;
                limit?: number;
                q?: string;
                state?: string;
                street?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentPage"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiIncidents: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @enum {string} */
                    channel: "hotline_12345" | "hotline_12315" | "hotline_12369" | "patrol" | "public_web" | "open311" | "other_system";
                    clientId?: string | null;
                    description: string;
                    fineClass?: string | null;
                    hazardMarked?: boolean;
                    location?: {
                        /** @enum {string} */
                        crs?: "wgs84" | "gcj02" | "bd09";
                        lat: number;
                        lng: number;
                    } | null;
                    note?: string | null;
                    photos?: string[];
                    reporter?: {
                        name?: string | null;
                        phone?: string | null;
                    } | null;
                    /** @enum {string} */
                    requestType: "complaint" | "consultation" | "help" | "suggestion" | "report";
                    /** @enum {string} */
                    track?: "normal" | "simple" | "urgent";
                };
            };
        };
        responses: {
            /** @description A replay of the intake with this Idempotency-Key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiIncidentsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiIncidentsByCodeActionsByAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: "register" | "dispatch" | "accept" | "arrive" | "resolve" | "verifyPass" | "verifyFail" | "close" | "returnToCenter" | "redispatch" | "reject" | "merge" | "selfResolve" | "answerAndClose" | "reopen" | "requestExtension" | "decideExtension";
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    afterPhotos?: string[];
                    approve?: boolean;
                    beforePhotos?: string[];
                    hazardMarked?: boolean;
                    /** @enum {string} */
                    incidentType?: "complaint" | "consultation" | "simple" | "urgent";
                    newDueAt?: string;
                    note?: string;
                    photos?: string[];
                    primaryCode?: string;
                    reason?: string;
                    unitCode?: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiIncidentsByCodeCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    reached: boolean;
                    reopen?: boolean;
                    /** @enum {string} */
                    satisfaction?: "satisfied" | "basically_satisfied" | "not_satisfied";
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiIncidentsByCodeClassification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fineClass: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetail"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiIncidentsByCodeEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentEvents"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiIncidentsByCodeReporterReveal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedReporter"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiIncidentsExport: {
        parameters: {
            query: {
                class?: string;
                format: "csv" | "xlsx" | "geojson";
                q?: string;
                state?: string;
                street?: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8 with BOM); xlsx: a workbook; geojson: a FeatureCollection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiIncidentsMap: {
        parameters: {
            query: {
                bbox: string;
                fineClass?: string;
                from?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
                zoom: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Clusters (zoomed out) or points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiIncidentsSimilar: {
        parameters: {
            query: {
                crs?: "wgs84" | "gcj02" | "bd09";
                days?: number;
                exclude?: string;
                fineClass: string;
                lat: number;
                limit?: number;
                lng: number;
                radiusM?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimilarIncidents"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiKnowledge: {
        parameters: {
            query?: {
                includeInactive?: "true" | "false";
                kind?: "qa" | "guide";
                limit?: number;
                offset?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {query, results} with q; else {items, total} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @enum {string} */
                    kind: "qa" | "guide";
                    tags?: string[];
                    title: string;
                    /** @default null */
                    titleEn?: string | null;
                    /** @default null */
                    unitCode?: string | null;
                };
            };
        };
        responses: {
            /** @description The entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiKnowledgeById: {
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
            /** @description The entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiKnowledgeById: {
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
            /** @description Deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiKnowledgeById: {
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
                "application/json": {
                    active?: boolean;
                    body?: string;
                    /** @enum {string} */
                    kind?: "qa" | "guide";
                    tags?: string[];
                    title?: string;
                    titleEn?: string | null;
                    unitCode?: string | null;
                };
            };
        };
        responses: {
            /** @description The entry */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiLetters: {
        parameters: {
            query?: {
                state?: "issued" | "replied" | "closed";
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {items: LetterView[]} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    deadline: string;
                    incidentCodes?: string[];
                    indicator?: string | null;
                    /** @enum {string} */
                    kind: "warning" | "supervision";
                    periodKey?: string | null;
                    unitCode: string;
                };
            };
        };
        responses: {
            /** @description LetterDetail */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiLettersById: {
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
            /** @description LetterDetail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiLettersByIdClose: {
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
                "application/json": {
                    deadline?: string;
                    note: string;
                    photos?: string[];
                };
            };
        };
        responses: {
            /** @description LetterDetail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiLettersByIdDocx: {
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
            /** @description The letter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiLettersByIdPrint: {
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
            /** @description The letter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiLettersByIdReply: {
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
                "application/json": {
                    deadline?: string;
                    note: string;
                    photos?: string[];
                };
            };
        };
        responses: {
            /** @description LetterDetail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiLettersByIdSendBack: {
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
                "application/json": {
                    deadline?: string;
                    note: string;
                    photos?: string[];
                };
            };
        };
        responses: {
            /** @description LetterDetail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiNotifications: {
        parameters: {
            query?: {
                limit?: number;
                unread?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: number[];
                } | {
                    /** @constant */
                    all: true;
                };
            };
        };
        responses: {
            /** @description {marked, unread} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiNotificationsStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description event: unread | notification */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiNotificationsUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {unread} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPatrolCoverage: {
        parameters: {
            query?: {
                day?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Coverage per grid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPatrolGrids: {
        parameters: {
            query?: {
                crs?: "wgs84" | "gcj02" | "bd09";
                lat?: number;
                lng?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatrolGrids"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPatrolGridsByCode: {
        parameters: {
            query?: {
                day?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The grid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPatrolRoutes: {
        parameters: {
            query: {
                bbox: string;
                zoom: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Routes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPatrolTracks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    chunkId: string;
                    /** @enum {string} */
                    crs: "wgs84" | "gcj02" | "bd09";
                    points: {
                        accuracy?: number | null;
                        lat: number;
                        lng: number;
                        /** Format: date-time */
                        t: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description A replay of this chunk */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPatrolVerifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPhotos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            /** @description The photo (or a list for several) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPhotosById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPhotosByIdThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thumbnail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPlaces: {
        parameters: {
            query: {
                limit?: number;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceSearch"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPublicPhotos: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            /** @description [{id, width, height}] */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPublicReports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    clientId?: string | null;
                    description: string;
                    fineClass?: string | null;
                    location?: {
                        /** @enum {string} */
                        crs?: "wgs84" | "gcj02" | "bd09";
                        lat: number;
                        lng: number;
                    } | null;
                    name?: string | null;
                    phone?: string | null;
                    /** @default [] */
                    photos?: string[];
                    /** @default false */
                    photosPublic?: boolean;
                    /**
                     * @default report
                     * @enum {string}
                     */
                    requestType?: "complaint" | "report" | "suggestion" | "consultation" | "help";
                };
            };
        };
        responses: {
            /** @description A replay (same clientId) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description {trackingCode, …} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesItems: {
        parameters: {
            query?: {
                category?: "utilities" | "civil_affairs" | "social_security" | "household" | "medical_insurance" | "housing" | "business" | "other";
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesItemsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceGuide"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesNearest: {
        parameters: {
            query: {
                item: string;
                lat: number;
                limit?: number;
                lng: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePointList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesPoints: {
        parameters: {
            query?: {
                item?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePointList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesPointsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePointDetail"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesPointsByCodeSlots: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceSlots"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPublicServicesRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    citizenName: string;
                    citizenPhone: string;
                    itemCode: string;
                    /** @enum {string} */
                    kind: "appointment" | "extended_hours" | "home_visit" | "proxy";
                    location?: {
                        /** @enum {string} */
                        crs?: "wgs84" | "gcj02" | "bd09";
                        lat: number;
                        lng: number;
                    } | null;
                    note?: string | null;
                    pointCode: string;
                    /** Format: date-time */
                    slotAt: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestPublic"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicServicesRequestsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestPublic"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPublicServicesRequestsByCodeCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestPublic"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPublicServicesRequestsByCodeRating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    rating: "satisfied" | "basically_satisfied" | "not_satisfied";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestPublic"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicTrackByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicTrack"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiPublicTrackByCodePhotosById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thumbnail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiPublicTrackByCodeRating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    rating: "satisfied" | "basically_satisfied" | "not_satisfied";
                };
            };
        };
        responses: {
            /** @description The report, with the rating */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicTrack"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionChanges: {
        parameters: {
            query?: {
                state?: "draft" | "submitted" | "approved" | "rejected" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSetList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionChanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items?: {
                        baseVersion?: number | null;
                        code?: string | null;
                        geometry?: unknown;
                        /** @enum {string} */
                        level?: "district" | "street" | "community" | "grid";
                        name?: string | null;
                        /** @enum {string} */
                        op: "create" | "update" | "retire";
                        parentCode?: string | null;
                    }[];
                    title: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionChangesById: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionChangesByIdApprove: {
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
                "application/json": {
                    comment?: string | null;
                    /** Format: date-time */
                    effectiveFrom?: string;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiRegionChangesByIdItems: {
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
                "application/json": {
                    items: {
                        baseVersion?: number | null;
                        code?: string | null;
                        geometry?: unknown;
                        /** @enum {string} */
                        level?: "district" | "street" | "community" | "grid";
                        name?: string | null;
                        /** @enum {string} */
                        op: "create" | "update" | "retire";
                        parentCode?: string | null;
                    }[];
                    title?: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionChangesByIdPreview: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeImpact"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionChangesByIdReject: {
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
                "application/json": {
                    comment: string;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionChangesByIdSubmit: {
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
                "application/json": {
                    version?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionChangesByIdWithdraw: {
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
                "application/json": {
                    version?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionChangeSet"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegions: {
        parameters: {
            query: {
                at?: string;
                level: "district" | "street" | "community" | "grid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection of MultiPolygons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegions: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    geometry: unknown;
                    /** @enum {string} */
                    level: "district" | "street" | "community" | "grid";
                    name: string;
                    parentCode?: string | null;
                };
            };
        };
        responses: {
            /** @description The dry-run result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The region */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionsByCode: {
        parameters: {
            query?: {
                at?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The region */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiRegionsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiRegionsByCode: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    geometry?: unknown;
                    name?: string;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The region */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionsByCodeCoverage: {
        parameters: {
            query?: {
                at?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coverage report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionsByCodeDiff: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDiff"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionsByCodeVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection of versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionsExport: {
        parameters: {
            query?: {
                at?: string;
                format?: "geojson" | "shapefile";
                level?: "district" | "street" | "community" | "grid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection (format=geojson, the default) or, with format=shapefile, application/zip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionsImport: {
        parameters: {
            query?: {
                /** @description The file's coordinate system: auto (default: the Shapefile's .prj, a GeoJSON crs member, else WGS84), wgs84, cgcs2000, gcj02, bd09, or an EPSG code such as EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E) */
                crs?: string;
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file as the raw body, with its media type: application/json, application/geo+json, application/zip, application/x-zip-compressed, application/vnd.google-earth.kml+xml, application/xml, text/xml, application/octet-stream (octet-stream: recognised by content). GeoJSON is a FeatureCollection; a Shapefile is one .zip of .shp/.dbf/.prj (.cpg). */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The import summary (with `source`: format and coordinate system, for files) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionsImportDraft: {
        parameters: {
            query: {
                /** @description The file's coordinate system: auto (default: the Shapefile's .prj, a GeoJSON crs member, else WGS84), wgs84, cgcs2000, gcj02, bd09, or an EPSG code such as EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E) */
                crs?: string;
                title: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file as the raw body, with its media type: application/json, application/geo+json, application/zip, application/x-zip-compressed, application/vnd.google-earth.kml+xml, application/xml, text/xml, application/octet-stream (octet-stream: recognised by content). GeoJSON is a FeatureCollection; a Shapefile is one .zip of .shp/.dbf/.prj (.cpg). */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The draft change set (as GET /api/region-changes/{id}) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiRegionsImportParse: {
        parameters: {
            query?: {
                /** @description The file's coordinate system: auto (default: the Shapefile's .prj, a GeoJSON crs member, else WGS84), wgs84, cgcs2000, gcj02, bd09, or an EPSG code such as EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E) */
                crs?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file as the raw body, with its media type: application/json, application/geo+json, application/zip, application/x-zip-compressed, application/vnd.google-earth.kml+xml, application/xml, text/xml, application/octet-stream (octet-stream: recognised by content). GeoJSON is a FeatureCollection; a Shapefile is one .zip of .shp/.dbf/.prj (.cpg). */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description { source, features (WGS84 FeatureCollection), valid, summary, issues } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiRegionsLabels: {
        parameters: {
            query: {
                at?: string;
                level: "district" | "street" | "community" | "grid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description FeatureCollection of Points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": {
                        type: string;
                    };
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiServiceCatalogueExportXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiServiceCatalogueImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description {created, updated, unchanged} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiServiceCatalogueItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    category: "utilities" | "civil_affairs" | "social_security" | "household" | "medical_insurance" | "housing" | "business" | "other";
                    code: string;
                    /** @default false */
                    demo?: boolean;
                    fees: string;
                    materials: string[];
                    name: string;
                    nameEn: string | null;
                    onlinePrereview: boolean;
                    pointCodes?: string[];
                    specialServices: ("appointment" | "extended_hours" | "home_visit" | "proxy")[];
                    /** @default  */
                    steps?: string;
                    timeLimitDays: number;
                    unitCode: string | null;
                    unitName: string;
                };
            };
        };
        responses: {
            /** @description {item, pointCodes} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApiServiceCatalogueItemsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchApiServiceCatalogueItemsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    category?: "utilities" | "civil_affairs" | "social_security" | "household" | "medical_insurance" | "housing" | "business" | "other";
                    demo?: boolean;
                    expectedVersion?: number;
                    fees?: string;
                    materials?: string[];
                    name?: string;
                    nameEn?: string | null;
                    onlinePrereview?: boolean;
                    pointCodes?: string[];
                    specialServices?: ("appointment" | "extended_hours" | "home_visit" | "proxy")[];
                    steps?: string;
                    timeLimitDays?: number;
                    unitCode?: string | null;
                    unitName?: string;
                };
            };
        };
        responses: {
            /** @description {item, pointCodes} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiServiceCatalogueItemsByCodeVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiServiceRequests: {
        parameters: {
            query: {
                date?: string;
                point: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestStaffList"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiServiceRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    citizenName: string;
                    citizenPhone: string;
                    itemCode: string;
                    /** @enum {string} */
                    kind: "appointment" | "extended_hours" | "home_visit" | "proxy";
                    location?: {
                        /** @enum {string} */
                        crs?: "wgs84" | "gcj02" | "bd09";
                        lat: number;
                        lng: number;
                    } | null;
                    note?: string | null;
                    pointCode: string;
                    /** Format: date-time */
                    slotAt: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestPublic"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiServiceRequestsByCodeByAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: "serve" | "no-show" | "cancel";
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRequestPublic"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiSupervisionChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checkedAt: string;
                    finding: string;
                    place: string;
                    unitCode?: string | null;
                };
            };
        };
        responses: {
            /** @description {id} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiSupervisionLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description LedgerAnswer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTaxonomy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Taxonomy"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesByLayerByZByXByY: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                layer: string;
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No such layer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesAreasByZByXByY: {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string;
            };
            path: {
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesCommunitiesByZByXByY: {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string;
            };
            path: {
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesGridsByZByXByY: {
        parameters: {
            query?: {
                asOf?: string;
            };
            header?: {
                "if-none-match"?: string;
            };
            path: {
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesIncidentsByZByXByY: {
        parameters: {
            query?: {
                fineClass?: string;
                from?: string;
                state?: string;
                street?: string;
                to?: string;
                unit?: string;
            };
            header?: {
                "if-none-match"?: string;
            };
            path: {
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesRoutesByZByXByY: {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string;
            };
            path: {
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiTilesStreetsByZByXByY: {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string;
            };
            path: {
                x: string;
                y: string;
                z: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.mapbox-vector-tile": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiUnitsByUnitWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook (secret hidden) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApiUnitsByUnitWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    /**
                     * @default http
                     * @enum {string}
                     */
                    channel?: "http";
                    /**
                     * @default native
                     * @enum {string}
                     */
                    format?: "native" | "open311";
                    secret?: string;
                    /** Format: uri */
                    url: string;
                };
            };
        };
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiWallStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The panels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiWorkbenchColleagues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Colleagues"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiWorkbenchIncidentsByCodeArrive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    position: {
                        accuracyM?: number;
                        /** @enum {string} */
                        crs?: "wgs84" | "gcj02" | "bd09";
                        lat: number;
                        lng: number;
                    } | null;
                    version: number;
                };
            };
        };
        responses: {
            /** @description The incident and the check */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postApiWorkbenchIncidentsByCodeAssign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assignee?: string | null;
                    note?: string;
                    sectionCode?: string | null;
                };
            };
        };
        responses: {
            /** @description The incident */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiWorkbenchLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiWorkbenchLedgerXlsx: {
        parameters: {
            query?: {
                lang?: "zh-CN" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiWorkbenchQueue: {
        parameters: {
            query?: {
                mine?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiWorkbenchSections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {unitCode, sections} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A problem (RFC 9457): validation_failed, unauthenticated, forbidden, not found, conflict, … */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
