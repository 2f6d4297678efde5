/**
 * Demo data: with {@code spinecell.demo=true}, the first start seeds a small clinic network with
 * one user per role (passwords printed once) so a new user can try every part of SpineCell. Each
 * module adds its own synthetic records here as it arrives. An edge module: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform", "accounts", "patients", "cellproducts", "procedures", "outcomes" })
package org.spinecell.demo;
