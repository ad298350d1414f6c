package org.pocketsim.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the screenshots the README shows, when {@code pocketsim.screenshotDir} names a folder
 * (relative to the repository root), for the shipped experiments: {@code report-NAME.png}, the top of the page at 1280 px
 * (header, contents, summary), and {@code report-NAME-charts.png}, the page from its charts
 * (or published-vs-PocketSim) section down.
 */
final class Screenshots {

    static final int BAND_PX = 2000;

    private Screenshots() {
    }

    static void save(byte[] fullPage, String name, int chartsTop) throws Exception {
        String dir = System.getProperty("pocketsim.screenshotDir", "");
        if (dir.isBlank() || !name.startsWith("shipped-")) return;
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) root = root.getParent();
        Path out = Files.createDirectories((root == null ? Path.of(dir) : root.resolve(dir)).toAbsolutePath());
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(fullPage));
        String base = "report-" + name.replaceFirst("^shipped-", "");
        ImageIO.write(band(page, 0), "png", out.resolve(base + ".png").toFile());
        if (chartsTop > 0) ImageIO.write(band(page, Math.max(0, chartsTop - 16)), "png", out.resolve(base + "-charts.png").toFile());
    }

    private static BufferedImage band(BufferedImage page, int top) {
        int y = Math.min(top, Math.max(0, page.getHeight() - 1));
        return page.getSubimage(0, y, page.getWidth(), Math.min(BAND_PX, page.getHeight() - y));
    }
}
