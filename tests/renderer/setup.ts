import '../../renderer/i18n';
import '../../renderer/styles/app.css';
