import '../../renderer/app/i18n';
import '../../renderer/app/base.css';
