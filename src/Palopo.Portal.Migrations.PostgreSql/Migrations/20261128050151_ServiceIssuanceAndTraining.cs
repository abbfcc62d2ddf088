using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Palopo.Portal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ServiceIssuanceAndTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Issuance",
                table: "Services",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Automatic");

            migrationBuilder.AddColumn<string>(
                name: "RequiredCourseCodes",
                table: "Services",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Issuance",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "RequiredCourseCodes",
                table: "Services");
        }
    }
}
