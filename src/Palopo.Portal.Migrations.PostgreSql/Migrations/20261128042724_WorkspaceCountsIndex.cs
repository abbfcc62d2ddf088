using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Palopo.Portal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceCountsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_WorkspaceCounts",
                table: "ServiceRequests",
                columns: new[] { "AgencyId", "AwaitsOfficer", "ServiceId", "CurrentStep", "Status", "AssignedOfficerId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_WorkspaceCounts",
                table: "ServiceRequests");
        }
    }
}
