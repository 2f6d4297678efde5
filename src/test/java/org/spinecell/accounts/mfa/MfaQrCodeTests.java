package org.spinecell.accounts.mfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class MfaQrCodeTests {

	@Test
	void theQrCodeImageReadsBackAsTheProvisioningUri() throws Exception {
		String uri = Totp.otpauthUri("SpineCell", "coord.chen", Totp.newSecret());
		String dataUri = MfaPageController.qrDataUri(uri);
		assertThat(dataUri).startsWith("data:image/png;base64,");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()))));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
		assertThat(decoded).isEqualTo(uri);
	}

}
