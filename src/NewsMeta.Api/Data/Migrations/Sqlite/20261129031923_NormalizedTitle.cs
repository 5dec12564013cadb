using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NormalizedTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedTitle",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_NormalizedTitle",
                table: "Articles",
                column: "NormalizedTitle");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_NormalizedTitle",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "NormalizedTitle",
                table: "Articles");
        }
    }
}
