using Palopo.Portal.Web.Tests.Accounts;
using Palopo.Portal.Web.Tests.Site;
using Palopo.Portal.Web.Tests.Support;

// Every test class runs once per database: always on SQLite, and on PostgreSQL when PALOPO_TEST_POSTGRES
// names a server (required under CI=true or PALOPO_REQUIRE_ALL=1). One portal per database per run.
namespace Palopo.Portal.Web.Tests;

[Collection(SqlitePortalCollection.Name)]
public sealed class RegistrationOnSqlite(SqlitePortalFixture portal) : RegistrationTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class RegistrationOnPostgreSql(PostgreSqlPortalFixture portal) : RegistrationTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class SignInOnSqlite(SqlitePortalFixture portal) : SignInTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class SignInOnPostgreSql(PostgreSqlPortalFixture portal) : SignInTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class PasswordOnSqlite(SqlitePortalFixture portal) : PasswordTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class PasswordOnPostgreSql(PostgreSqlPortalFixture portal) : PasswordTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class TwoFactorOnSqlite(SqlitePortalFixture portal) : TwoFactorTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class TwoFactorOnPostgreSql(PostgreSqlPortalFixture portal) : TwoFactorTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class PersonalDataOnSqlite(SqlitePortalFixture portal) : PersonalDataTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class PersonalDataOnPostgreSql(PostgreSqlPortalFixture portal) : PersonalDataTests(portal);

[Collection(SqlitePortalCollection.Name)]
public sealed class SiteOnSqlite(SqlitePortalFixture portal) : SiteTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class SiteOnPostgreSql(PostgreSqlPortalFixture portal) : SiteTests(portal);
