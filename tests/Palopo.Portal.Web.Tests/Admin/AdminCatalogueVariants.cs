using Palopo.Portal.Web.Tests.Support;

// The catalogue admin tests, once per database (see DatabaseVariants.cs).
namespace Palopo.Portal.Web.Tests.Admin;

[Collection(SqlitePortalCollection.Name)]
public sealed class AgencyAdminOnSqlite(SqlitePortalFixture portal) : AgencyAdminTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class AgencyAdminOnPostgreSql(PostgreSqlPortalFixture portal) : AgencyAdminTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class ServiceAdminOnSqlite(SqlitePortalFixture portal) : ServiceAdminTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class ServiceAdminOnPostgreSql(PostgreSqlPortalFixture portal) : ServiceAdminTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class FormEditorOnSqlite(SqlitePortalFixture portal) : FormEditorTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class FormEditorOnPostgreSql(PostgreSqlPortalFixture portal) : FormEditorTests(portal);
